using System.Text.Json;
using RfmGraph.GraphQL.Data.Tests.Catalog;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Validation;

namespace RfmGraph.GraphQL.Data.Tests.Engine;

/// <summary>
/// Field options modules use on top of the defaults: a default sort, extra arguments read by the resolver, and an
/// optional connection whose source is decided asynchronously (null: the field is null and no page query runs).
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class ConnectionOptionsEngineTests(CatalogDatabase database)
{
    private readonly CommandLog _log = new();

    [Fact]
    public async Task The_default_order_applies_when_no_order_is_given_and_cursors_follow_it()
    {
        var expected = database.Products.OrderByDescending(p => p.Price).ThenBy(p => p.Id).Select(p => p.Id).ToList();

        var first = await RunAsync("{ byPrice(first: 5) { nodes { productId } pageInfo { endCursor } } }");
        var page = first.GetProperty("data").GetProperty("byPrice");
        var next = await RunAsync("query($after: String) { byPrice(first: 5, after: $after) { nodes { productId } } }",
            new Dictionary<string, object?> { ["after"] = page.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        var explicitOrder = await RunAsync("{ byPrice(first: 3, order: [{ quantity: ASC }]) { nodes { productId } } }");

        Assert.Equal(expected.Take(5), Ids(page));
        Assert.Equal(expected.Skip(5).Take(5), Ids(next.GetProperty("data").GetProperty("byPrice")));
        Assert.Equal(
            database.Products.OrderBy(p => p.Quantity).ThenBy(p => p.Id).Select(p => p.Id).Take(3),
            Ids(explicitOrder.GetProperty("data").GetProperty("byPrice")));
    }

    [Fact]
    public async Task An_optional_connection_is_null_without_a_query_and_pages_its_source_otherwise()
    {
        var minimum = database.Products.Min(p => p.Quantity) + 3;
        var expected = database.Products.Where(p => p.Quantity >= minimum).OrderBy(p => p.Id).Select(p => p.Id).Take(4).ToList();

        _log.Clear();
        var none = await RunAsync("{ inStockAtLeast(first: 4) { totalCount nodes { productId } } }");
        Assert.Empty(_log.Commands);
        var some = await RunAsync("query($min: Int) { inStockAtLeast(minimum: $min, first: 4) { totalCount nodes { productId } } }",
            new Dictionary<string, object?> { ["min"] = minimum });

        Assert.Equal(JsonValueKind.Null, none.GetProperty("data").GetProperty("inStockAtLeast").ValueKind);
        Assert.False(none.TryGetProperty("errors", out _));
        var connection = some.GetProperty("data").GetProperty("inStockAtLeast");
        Assert.Equal(expected, Ids(connection));
        Assert.Equal(database.Products.Count(p => p.Quantity >= minimum), connection.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public void Extra_arguments_come_first_and_a_misspelt_default_order_fails_the_schema_build()
    {
        var schema = Build();
        var field = ((ObjectType)schema.GetType("Query")!).GetField("inStockAtLeast")!;

        Assert.Equal(["minimum", "where", "order", "first", "after", "last", "before"], field.Arguments.Select(a => a.Name));
        Assert.Equal("ProductConnection", field.Type.ToString());
        var error = Assert.Throws<InvalidOperationException>(() => new SchemaBuilder()
            .Object<Product>("Product", o => o.Field("name", p => p.Name))
            .Object("Query", q => q.Connection("products", _ => Array.Empty<Product>().AsQueryable(), o => o.DefaultOrder = [("nmae", SortEnumType.Asc)])));
        Assert.Equal("The default order of 'products' names 'nmae', which is not a sortable field of Product.", error.Message);
    }

    private Schema Build() => CatalogSchema.Configure(new SchemaBuilder())
        .Object<Product>("Product", o => o
            .Field("productId", "Int!", f => f.MapsTo("Id").Resolve(p => p.Id))
            .Field("name", p => p.Name))
        .Object("Query", q => q
            .Connection("byPrice", context => context.Service<CatalogContext>().Products, o => o.DefaultOrder = [("price", SortEnumType.Desc)])
            .OptionalConnection("inStockAtLeast", context =>
            {
                var minimum = context.Arguments.GetValueOrDefault("minimum") as int?;
                return ValueTask.FromResult(minimum is { } m ? context.Service<CatalogContext>().Products.Where(p => p.Quantity >= m) : null);
            }, o => o.Arguments.Add(("minimum", "Int", "Only products with at least this quantity; absent: no connection."))))
        .Build();

    private async Task<JsonElement> RunAsync(string query, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var executor = new GraphQLExecutor(Build(), null, (schema, document, maxErrors) => DocumentValidator.Validate(schema, document, null, maxErrors));
        await using var db = database.CreateContext(_log);
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = query, Variables = variables }, new RequestContext(new Services(db)));
        var json = JsonDocument.Parse(result.ToJson()).RootElement.Clone();
        Assert.False(json.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0, errors.ToString());
        return json;
    }

    private static IEnumerable<int> Ids(JsonElement connection) => connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("productId").GetInt32());

    private sealed class Services(CatalogContext db) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(CatalogContext) ? db : null;
    }
}
