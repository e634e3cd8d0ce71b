using RfmGraph.GraphQL.Data.Tests.Catalog;

namespace RfmGraph.GraphQL.Data.Tests.Engine;

/// <summary>Relay global object identification: opaque ids, node, nodes (batched, capped), clear errors.</summary>
[Collection(CatalogCollection.Name)]
public sealed class NodeEngineTests(CatalogDatabase database)
{
    [Fact]
    public async Task Ids_are_opaque_and_node_fetches_by_them()
    {
        var graph = new CatalogGraph(database);
        var listed = await graph.RunAsync("{ products(first: 1, order: [{ id: DESC }]) { nodes { id productId } } }");
        var node = listed.GetProperty("data").GetProperty("products").GetProperty("nodes")[0];
        var id = node.GetProperty("id").GetString()!;
        Assert.Equal(NodeId.Encode("Product", 600), id);
        Assert.Equal("UHJvZHVjdDo2MDA=", id);
        var fetched = await graph.RunAsync("query($id: ID!) { node(id: $id) { id __typename ... on Product { name category { name } } } }", new Dictionary<string, object?> { ["id"] = id });
        var product = fetched.GetProperty("data").GetProperty("node");
        Assert.Equal("Product", product.GetProperty("__typename").GetString());
        Assert.Equal(database.Products[599].Name, product.GetProperty("name").GetString());
        Assert.Equal(database.Products[599].Category.Name, product.GetProperty("category").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Nodes_keeps_the_order_loads_in_one_query_and_returns_null_for_missing_rows()
    {
        var graph = new CatalogGraph(database);
        var ids = new object?[] { NodeId.Encode("Product", 7), NodeId.Encode("Product", 3), NodeId.Encode("Product", 99_999), NodeId.Encode("Product", 7) };
        var result = await graph.RunAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { productId } } }", new Dictionary<string, object?> { ["ids"] = ids });
        var nodes = result.GetProperty("data").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(7, nodes[0].GetProperty("productId").GetInt32());
        Assert.Equal(3, nodes[1].GetProperty("productId").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, nodes[2].ValueKind);
        Assert.Equal(7, nodes[3].GetProperty("productId").GetInt32());
        Assert.Single(graph.Log.Commands);
    }

    [Fact]
    public async Task Too_many_ids_and_bad_ids_are_clear_errors()
    {
        var graph = new CatalogGraph(database);
        var ids = Enumerable.Range(1, 51).Select(i => (object?)NodeId.Encode("Product", i)).ToArray();
        var tooMany = await graph.RunAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new Dictionary<string, object?> { ["ids"] = ids });
        Assert.Equal("At most 50 ids can be requested at once; got 51.", tooMany.GetProperty("errors")[0].GetProperty("message").GetString());
        foreach (var bad in new[] { "garbage!", NodeId.Encode("Ticket", 1), NodeId.Encode("Product", "abc"), "UHJvZHVjdA==" })
        {
            var result = await graph.RunAsync("query($id: ID!) { node(id: $id) { id } }", new Dictionary<string, object?> { ["id"] = bad });
            Assert.Equal($"The ID '{bad}' is not a valid node ID.", result.GetProperty("errors")[0].GetProperty("message").GetString());
        }
        Assert.Empty(graph.Log.Commands);
    }
}
