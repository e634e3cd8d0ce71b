using RfmGraph.GraphQL.Data.Paging;
using RfmGraph.GraphQL.Data.Sorting;
using RfmGraph.GraphQL.Data.Tests.Catalog;
using static RfmGraph.GraphQL.Data.Tests.Input;

namespace RfmGraph.GraphQL.Data.Tests;

/// <summary>Cursors are opaque, typed, bound to their sort, and reject tampering with a clear message.</summary>
[Collection(CatalogCollection.Name)]
public sealed class CursorTests(CatalogDatabase database)
{
    [Fact]
    public void Every_key_type_round_trips()
    {
        object?[] values = ["text", 42, 7L, 12.34m, 0.5, true, new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc),
            new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)), new DateOnly(2024, 5, 1), Guid.NewGuid(), null, ProductStatus.Discontinued];
        Type[] types = [typeof(string), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(bool), typeof(DateTime),
            typeof(DateTimeOffset), typeof(DateOnly), typeof(Guid), typeof(int?), typeof(ProductStatus)];
        var cursor = CursorCodec.Encode(99, values);
        Assert.Matches("^[A-Za-z0-9_-]+$", cursor);
        Assert.Equal(values, CursorCodec.Decode(cursor, 99, types));
    }

    [Fact]
    public async Task A_tampered_cursor_is_rejected_with_a_clear_message()
    {
        var sort = SortCompiler.Compile(CatalogSchema.Model<Product>(), List(Obj(("name", SortEnumType.Asc))));
        await using var db = database.CreateContext();
        var page = await ConnectionQuery.ExecuteAsync(db.Products, null, sort, new PagingArguments(3, null, null, null), 3, null, false, AsyncQueryExecutor.Default, default);
        var cursor = page.PageInfo.EndCursor!;
        var tampered = cursor[..^3] + (cursor[^3] == 'A' ? 'B' : 'A') + cursor[^2..];
        foreach (var bad in new[] { tampered, "not-a-cursor", "", "AAAA", cursor + "A" })
        {
            var error = await Assert.ThrowsAsync<GraphQLException>(async () =>
                await ConnectionQuery.ExecuteAsync(db.Products, null, sort, new PagingArguments(3, bad, null, null), 3, null, false, AsyncQueryExecutor.Default, default));
            Assert.Equal($"The cursor '{bad}' is not valid for this connection.", error.Message);
        }
    }

    [Fact]
    public async Task A_cursor_from_another_sort_is_rejected()
    {
        var model = CatalogSchema.Model<Product>();
        var byName = SortCompiler.Compile(model, List(Obj(("name", SortEnumType.Asc))));
        var byNameDesc = SortCompiler.Compile(model, List(Obj(("name", SortEnumType.Desc))));
        await using var db = database.CreateContext();
        var page = await ConnectionQuery.ExecuteAsync(db.Products, null, byName, new PagingArguments(3, null, null, null), 3, null, false, AsyncQueryExecutor.Default, default);
        var error = await Assert.ThrowsAsync<GraphQLException>(async () =>
            await ConnectionQuery.ExecuteAsync(db.Products, null, byNameDesc, new PagingArguments(3, page.PageInfo.EndCursor, null, null), 3, null, false, AsyncQueryExecutor.Default, default));
        Assert.Equal($"The cursor '{page.PageInfo.EndCursor}' is not valid for this connection.", error.Message);
    }
}
