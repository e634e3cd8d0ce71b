using RfmGraph.GraphQL.Data.Tests.Catalog;

namespace RfmGraph.GraphQL.Data.Tests.Engine;

/// <summary>DataLoaders batch the child loads of a whole list level into one query.</summary>
[Collection(CatalogCollection.Name)]
public sealed class DataLoaderEngineTests(CatalogDatabase database)
{
    [Fact]
    public async Task A_hundred_parents_load_their_children_with_one_query_not_a_hundred()
    {
        var graph = new CatalogGraph(database);
        var result = await graph.RunAsync("{ productList(where: { id: { lte: 100 } }) { productId reviews { stars } again: reviews { stars } } }");
        var products = result.GetProperty("data").GetProperty("productList").EnumerateArray().ToList();
        Assert.Equal(100, products.Count);
        foreach (var product in products)
        {
            var id = product.GetProperty("productId").GetInt32();
            var expected = database.Reviews.Where(r => r.ProductId == id).Select(r => r.Stars);
            Assert.Equal(expected, product.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("stars").GetInt32()));
            Assert.Equal(expected, product.GetProperty("again").EnumerateArray().Select(r => r.GetProperty("stars").GetInt32()));
        }
        Assert.True(database.Reviews.Count > 100);
        // One statement for the parents, one for every child list (both aliases share the cached loads).
        Assert.Equal(2, graph.Log.Commands.Count);
        Assert.Contains("reviews", graph.Log.Commands[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_under_a_connection_batch_too()
    {
        var graph = new CatalogGraph(database);
        var result = await graph.RunAsync("{ products(first: 50, order: [{ id: DESC }], where: { id: { lte: 100 } }) { edges { node { reviews { stars } } } } }");
        Assert.Equal(50, result.GetProperty("data").GetProperty("products").GetProperty("edges").GetArrayLength());
        Assert.Equal(2, graph.Log.Commands.Count);
    }
}
