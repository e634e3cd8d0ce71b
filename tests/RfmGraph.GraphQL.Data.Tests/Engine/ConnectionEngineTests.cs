using System.Text.Json;
using RfmGraph.GraphQL.Data.Tests.Catalog;

namespace RfmGraph.GraphQL.Data.Tests.Engine;

/// <summary>Filtering, sorting and keyset paging through GraphQL documents executed by the engine against PostgreSQL.</summary>
[Collection(CatalogCollection.Name)]
public sealed class ConnectionEngineTests(CatalogDatabase database)
{
    private const string PageQuery = """
        query Page($where: ProductFilterInput, $order: [ProductSortInput!], $first: Int, $after: String, $last: Int, $before: String) {
          products(where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {
            edges { cursor node { productId } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Fact]
    public async Task Variables_drive_filter_sort_and_paging_forward_and_backward_with_one_statement_per_page()
    {
        var graph = new CatalogGraph(database);
        var where = new Dictionary<string, object?>
        {
            ["or"] = new object?[]
            {
                new Dictionary<string, object?> { ["status"] = new Dictionary<string, object?> { ["in"] = new object?[] { "ACTIVE", "DRAFT" } } },
                new Dictionary<string, object?> { ["category"] = new Dictionary<string, object?> { ["name"] = new Dictionary<string, object?> { ["startsWith"] = "Category C" } } },
            },
            ["releaseDate"] = new Dictionary<string, object?> { ["gte"] = "2023-06-01" },
            ["summary"] = new Dictionary<string, object?> { ["neq"] = null },
        };
        var order = new object?[]
        {
            new Dictionary<string, object?> { ["category"] = new Dictionary<string, object?> { ["rank"] = "DESC" } },
            new Dictionary<string, object?> { ["rating"] = "ASC" },
        };
        var expected = database.Products
            .Where(p => (p.Status is ProductStatus.Active or ProductStatus.Draft || p.Category.Name.StartsWith("Category C", StringComparison.Ordinal))
                && p.ReleaseDate >= new DateOnly(2023, 6, 1) && p.Description != null)
            .OrderByDescending(p => p.Category.Rank).ThenBy(p => p.Rating).ThenBy(p => p.Id)
            .Select(p => p.Id).ToList();
        Assert.True(expected.Count > 100);

        var forward = new List<int>();
        object? after = null;
        do
        {
            graph.Log.Clear();
            var page = Products(await graph.RunAsync(PageQuery, new Dictionary<string, object?> { ["where"] = where, ["order"] = order, ["first"] = 25, ["after"] = after }));
            Assert.Single(graph.Log.Commands);
            forward.AddRange(Ids(page));
            var info = page.GetProperty("pageInfo");
            after = info.GetProperty("hasNextPage").GetBoolean() ? info.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        Assert.Equal(expected, forward);

        var backward = new List<int>();
        object? before = null;
        do
        {
            graph.Log.Clear();
            var page = Products(await graph.RunAsync(PageQuery, new Dictionary<string, object?> { ["where"] = where, ["order"] = order, ["last"] = 30, ["before"] = before }));
            Assert.Single(graph.Log.Commands);
            backward.InsertRange(0, Ids(page));
            var info = page.GetProperty("pageInfo");
            before = info.GetProperty("hasPreviousPage").GetBoolean() ? info.GetProperty("startCursor").GetString() : null;
        }
        while (before is not null);
        Assert.Equal(expected, backward);
    }

    [Fact]
    public async Task Total_count_is_computed_only_when_selected()
    {
        var graph = new CatalogGraph(database);
        var result = await graph.RunAsync("{ products(first: 2, where: { inStock: { eq: true } }) { totalCount nodes { productId } } }");
        Assert.Equal(database.Products.Count(p => p.InStock), result.GetProperty("data").GetProperty("products").GetProperty("totalCount").GetInt32());
        Assert.Equal(2, graph.Log.Commands.Count);
        graph.Log.Clear();
        await graph.RunAsync("{ products(first: 2, where: { inStock: { eq: true } }) { nodes { productId } } }");
        Assert.Single(graph.Log.Commands);
        graph.Log.Clear();
        await graph.RunAsync("{ products(first: 2) { ...Counted } } fragment Counted on ProductConnection { totalCount }");
        Assert.Equal(2, graph.Log.Commands.Count);
    }

    [Fact]
    public async Task Default_and_maximum_page_sizes_apply_and_are_configurable()
    {
        var graph = new CatalogGraph(database);
        var page = await graph.RunAsync("{ products { nodes { productId } } }");
        Assert.Equal(10, page.GetProperty("data").GetProperty("products").GetProperty("nodes").GetArrayLength());
        var tooMany = await graph.RunAsync("{ products(first: 101) { nodes { productId } } }");
        Assert.Equal("Requesting 101 records on 'products' exceeds the maximum of 100.", tooMany.GetProperty("errors")[0].GetProperty("message").GetString());

        var custom = new CatalogGraph(database, new PagingOptions { DefaultPageSize = 3, MaxPageSize = 5 });
        Assert.Equal(3, (await custom.RunAsync("{ products { nodes { productId } } }")).GetProperty("data").GetProperty("products").GetProperty("nodes").GetArrayLength());
        var over = await custom.RunAsync("{ products(last: 6) { nodes { productId } } }");
        Assert.Equal("Requesting 6 records on 'products' exceeds the maximum of 5.", over.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invalid_filters_are_validation_errors()
    {
        var graph = new CatalogGraph(database);
        var unknown = await graph.RunAsync("{ products(where: { colour: { eq: \"red\" } }) { totalCount } }");
        Assert.False(unknown.TryGetProperty("data", out _));
        Assert.Contains("colour", unknown.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var wrongType = await graph.RunAsync("{ products(where: { quantity: { gt: \"many\" } }) { totalCount } }");
        Assert.False(wrongType.TryGetProperty("data", out _));
        Assert.Contains("Int cannot represent", wrongType.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var ignored = await graph.RunAsync("{ products(where: { secret: { eq: \"s1\" } }) { totalCount } }");
        Assert.False(ignored.TryGetProperty("data", out _));
        var twoKeys = await graph.RunAsync("{ products(order: [{ name: ASC, price: DESC }]) { totalCount } }");
        Assert.False(twoKeys.TryGetProperty("data", out _));
        Assert.Empty(graph.Log.Commands);
    }

    [Fact]
    public async Task A_tampered_cursor_is_a_field_error_with_a_clear_message()
    {
        var graph = new CatalogGraph(database);
        var result = await graph.RunAsync("{ products(first: 2, after: \"AW1z99wCBOxNAAAAAAAAAAA\") { totalCount } }");
        var error = result.GetProperty("errors")[0];
        Assert.Equal("The cursor 'AW1z99wCBOxNAAAAAAAAAAA' is not valid for this connection.", error.GetProperty("message").GetString());
        Assert.Equal("products", error.GetProperty("path")[0].GetString());
        Assert.Equal("INVALID_CURSOR", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_connection_without_filtering_and_sorting_has_no_where_or_order()
    {
        var graph = new CatalogGraph(database);
        var result = await graph.RunAsync("{ unfilteredProducts(where: { quantity: { eq: 1 } }) { totalCount } }");
        Assert.Contains("Unknown argument \"where\"", result.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var page = await graph.RunAsync("{ unfilteredProducts(first: 4) { nodes { productId name } } }");
        Assert.Equal([1, 2, 3, 4], page.GetProperty("data").GetProperty("unfilteredProducts").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("productId").GetInt32()));
    }

    [Fact]
    public async Task A_list_field_filters_sorts_and_projects()
    {
        var graph = new CatalogGraph(database);
        var result = await graph.RunAsync("{ productList(where: { discount: { gte: 45 } }, order: [{ discount: DESC }, { name: ASC }]) { productId } }");
        var expected = database.Products.Where(p => p.Discount >= 45).OrderByDescending(p => p.Discount).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => p.Id);
        Assert.Equal(expected, result.GetProperty("data").GetProperty("productList").EnumerateArray().Select(n => n.GetProperty("productId").GetInt32()));
        Assert.Single(graph.Log.Commands);
    }

    private static JsonElement Products(JsonElement result)
    {
        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        return result.GetProperty("data").GetProperty("products");
    }

    private static IEnumerable<int> Ids(JsonElement page) =>
        page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("productId").GetInt32());
}
