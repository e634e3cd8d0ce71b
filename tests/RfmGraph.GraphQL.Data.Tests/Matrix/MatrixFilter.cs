using Microsoft.EntityFrameworkCore;
using RfmGraph.GraphQL.Data.Filtering;
using RfmGraph.GraphQL.Data.Model;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Tests.Matrix;

/// <summary>Runs one <c>where</c> value on PostgreSQL (EF Core) and on the in-memory rows; both must give the expected ids.</summary>
internal static class MatrixFilter
{
    private static readonly DataTypeModel Model = DataConventions.For(new SchemaBuilder()).Models.Get(typeof(Sample));

    public static async Task AssertIdsAsync(MatrixDatabase database, IReadOnlyDictionary<string, object?> where, int[] expected)
    {
        var predicate = FilterCompiler.Compile<Sample>(Model, where) ?? throw new InvalidOperationException("The case has no condition.");
        await using var db = database.CreateContext();
        var fromPostgres = await db.Samples.Where(predicate).Select(s => s.Id).OrderBy(id => id).ToListAsync();
        var fromObjects = database.Samples.AsQueryable().Where(predicate).Select(s => s.Id).Order().ToList();
        Assert.Equal(expected, fromObjects);
        Assert.Equal(expected, fromPostgres);
    }
}
