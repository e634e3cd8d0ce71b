using RfmGraph.GraphQL.Data.Tests.Catalog;

namespace RfmGraph.GraphQL.Data.Tests.Engine;

/// <summary>Only the columns a query selects (plus the key and sort keys cursors need) are read.</summary>
[Collection(CatalogCollection.Name)]
public sealed class ProjectionEngineTests(CatalogDatabase database)
{
    private static IEnumerable<string> ProductColumnsIn(string sql) =>
        ProductColumns.Where(c => System.Text.RegularExpressions.Regex.IsMatch(sql, @"\bp\d*\." + System.Text.RegularExpressions.Regex.Escape(c)));

    private static readonly string[] ProductColumns =
        ["\"Name\"", "\"Description\"", "\"Quantity\"", "\"Views\"", "\"Price\"", "\"Rating\"", "\"CreatedAt\"", "\"UpdatedAt\"", "\"ReleaseDate\"", "\"InStock\"", "\"Status\"", "\"Discount\"", "\"Secret\""];

    [Fact]
    public async Task Selecting_one_field_reads_one_column_plus_the_key()
    {
        var graph = new CatalogGraph(database);
        var result = await graph.RunAsync("{ products(first: 5) { nodes { name } } }");
        Assert.Equal(database.Products.Take(5).Select(p => p.Name), result.GetProperty("data").GetProperty("products").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        var sql = graph.Log.Commands.Single();
        Assert.Equal(["\"Name\""], ProductColumnsIn(sql));
        Assert.Contains("p.\"Id\"", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selections_under_edges_nodes_fragments_and_nested_objects_are_all_read()
    {
        var graph = new CatalogGraph(database);
        var result = await graph.RunAsync("""
            query {
              products(first: 3, order: [{ views: DESC }]) {
                edges { node { summary ...Money category { name } } }
                nodes { ... on Product { inStock } skipped: quantity @skip(if: true) }
              }
            }
            fragment Money on Product { price }
            """);
        var expected = database.Products.OrderByDescending(p => p.Views).Take(3).ToList();
        var edges = result.GetProperty("data").GetProperty("products").GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(expected.Select(p => p.Description), edges.Select(e => e.GetProperty("node").GetProperty("summary").GetString()));
        Assert.Equal(expected.Select(p => p.Price), edges.Select(e => e.GetProperty("node").GetProperty("price").GetDecimal()));
        Assert.Equal(expected.Select(p => p.Category.Name), edges.Select(e => e.GetProperty("node").GetProperty("category").GetProperty("name").GetString()));
        var sql = graph.Log.Commands.Single();
        // Views is the sort key, so the cursor needs it; Quantity was skipped.
        Assert.Equal(["\"Description\"", "\"Views\"", "\"Price\"", "\"InStock\""], ProductColumnsIn(sql));
        Assert.Contains("categories", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_projection_the_whole_row_is_read()
    {
        var graph = new CatalogGraph(database);
        await graph.RunAsync("{ unfilteredProducts(first: 2) { nodes { name } } }");
        var sql = graph.Log.Commands.Single();
        Assert.Equal(ProductColumns, ProductColumnsIn(sql));
    }
}
