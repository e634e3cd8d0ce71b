using Microsoft.EntityFrameworkCore;
using RfmGraph.GraphQL.Data.Sorting;
using RfmGraph.GraphQL.Data.Tests.Catalog;
using static RfmGraph.GraphQL.Data.Tests.Input;

namespace RfmGraph.GraphQL.Data.Tests;

/// <summary>Every sort shape, ordered by PostgreSQL and by LINQ-to-objects: the same sequence, ties broken by Id.</summary>
[Collection(CatalogCollection.Name)]
public sealed class SortTests(CatalogDatabase database)
{
    internal static readonly Dictionary<string, object?[]> Orders = new()
    {
        ["none (key only)"] = [],
        ["string asc"] = [Obj(("name", SortEnumType.Asc))],
        ["decimal desc"] = [Obj(("price", SortEnumType.Desc))],
        ["nullable string asc"] = [Obj(("summary", SortEnumType.Asc))],
        ["nullable string desc"] = [Obj(("summary", SortEnumType.Desc))],
        ["nullable int asc"] = [Obj(("discount", SortEnumType.Asc))],
        ["nullable datetimeoffset desc"] = [Obj(("updatedAt", SortEnumType.Desc))],
        ["date asc, string desc"] = [Obj(("releaseDate", SortEnumType.Asc)), Obj(("name", SortEnumType.Desc))],
        ["enum asc, int desc"] = [Obj(("status", SortEnumType.Asc)), Obj(("quantity", SortEnumType.Desc))],
        ["bool desc, float asc"] = [Obj(("inStock", SortEnumType.Desc)), Obj(("rating", SortEnumType.Asc))],
        ["nested asc, decimal asc"] = [Obj(("category", Obj(("name", SortEnumType.Asc)))), Obj(("price", SortEnumType.Asc))],
        ["nested int desc, datetime asc"] = [Obj(("category", Obj(("rank", SortEnumType.Desc)))), Obj(("createdAt", SortEnumType.Asc))],
        ["long asc"] = [Obj(("views", SortEnumType.Asc))],
        ["id desc (client tie-breaker)"] = [Obj(("id", SortEnumType.Desc))],
        ["three keys with ties"] = [Obj(("inStock", SortEnumType.Asc)), Obj(("status", SortEnumType.Desc)), Obj(("discount", SortEnumType.Desc))],
    };

    public static TheoryData<string> OrderNames() => [.. Orders.Keys];

    [Theory]
    [MemberData(nameof(OrderNames))]
    public async Task Sort_matches_linq_to_objects(string name)
    {
        var sort = SortCompiler.Compile(CatalogSchema.Model<Product>(), Orders[name]);
        var expected = sort.Apply(database.Products.AsQueryable()).Select(p => p.Id).ToList();
        await using var db = database.CreateContext();
        var actual = await sort.Apply(db.Products.AsQueryable()).Select(p => p.Id).ToListAsync();
        Assert.Equal(expected, actual);
        Assert.Equal(database.Products.Count, actual.Distinct().Count());
    }

    [Fact]
    public void The_key_is_appended_as_tie_breaker_unless_already_sorted_on()
    {
        var model = CatalogSchema.Model<Product>();
        Assert.Equal(["Name:A", "Id:A"], SortCompiler.Compile(model, Orders["string asc"]).Keys.Select(k => k.Signature));
        Assert.Equal(["Id:D"], SortCompiler.Compile(model, Orders["id desc (client tie-breaker)"]).Keys.Select(k => k.Signature));
        Assert.Equal(["Category.Name:A", "Price:A", "Id:A"], SortCompiler.Compile(model, Orders["nested asc, decimal asc"]).Keys.Select(k => k.Signature));
    }

    [Fact]
    public void Sorting_twice_on_a_field_or_two_fields_in_one_element_is_an_error()
    {
        var model = CatalogSchema.Model<Product>();
        var twice = Assert.Throws<GraphQLException>(() => SortCompiler.Compile(model, List(Obj(("name", SortEnumType.Asc)), Obj(("name", SortEnumType.Desc)))));
        Assert.Equal("'order[1].name' sorts on a field that is already a sort key.", twice.Message);
        var two = Assert.Throws<GraphQLException>(() => SortCompiler.Compile(model, List(Obj(("name", SortEnumType.Asc), ("price", SortEnumType.Desc)))));
        Assert.Equal("'order[0]' must name exactly one field; give several keys as separate list elements.", two.Message);
    }
}
