using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RfmGraph.GraphQL.Data.Tests.Catalog;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Validation;

namespace RfmGraph.GraphQL.Data.Tests.Engine;

/// <summary>
/// The catalog exposed through the real engine, the way a module would: object types, data fields over EF Core
/// queryables, a DataLoader-backed child list and Node ids. Every request gets its own DbContext; all SQL goes
/// through one <see cref="CommandLog"/>.
/// </summary>
internal sealed class CatalogGraph
{
    private readonly CatalogDatabase _database;
    private readonly GraphQLExecutor _executor;

    public CatalogGraph(CatalogDatabase database, PagingOptions? paging = null)
    {
        _database = database;
        var builder = CatalogSchema.Configure(new SchemaBuilder());
        if (paging is not null)
        {
            builder.SetPagingOptions(paging);
        }
        builder.Enum<ProductStatus>();
        builder.Object<Category>("Category", o => o
            .Field("categoryId", "Int!", f => f.MapsTo("Id").Resolve(c => c.Id))
            .Field("name", c => c.Name)
            .Field("rank", c => c.Rank));
        builder.Object<Review>("Review", o => o.Field("stars", r => r.Stars));
        builder.Object<Product>("Product", o => o
            .Field("productId", "Int!", f => f.MapsTo("Id").Resolve(p => p.Id))
            .Field("name", p => p.Name)
            .Field("summary", "String", f => f.MapsTo("Description").Resolve(p => p.Description))
            .Field("quantity", p => p.Quantity)
            .Field("views", p => p.Views)
            .Field("price", p => p.Price)
            .Field("rating", p => p.Rating)
            .Field("createdAt", p => p.CreatedAt)
            .Field("updatedAt", p => p.UpdatedAt)
            .Field("releaseDate", p => p.ReleaseDate)
            .Field("inStock", p => p.InStock)
            .Field("status", p => p.Status)
            .Field("discount", p => p.Discount)
            .Field("category", "Category!", f => f.Resolve(p => p.Category))
            .Field("reviews", "[Review!]!", f => f.ResolveAsync((p, context) =>
                context.GroupedLoader<int, Review>("reviewsByProduct", LoadReviewsAsync).LoadAsync(p.Id))));
        builder.Object<Ticket>("Ticket", o => o
            .Field("ticketId", "Int!", f => f.MapsTo("Id").Resolve(t => t.Id))
            .Field("priority", t => t.Priority)
            .Field("queue", t => t.Queue)
            .Field("score", t => t.Score));
        builder.AddNodeType<Product, int>("Product", p => p.Id, async (context, ids, token) =>
            await context.Service<CatalogContext>().Products.Include(p => p.Category).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, token));
        builder.Object("Query", q => q
            .Connection("products", context => context.Service<CatalogContext>().Products)
            .Connection("tickets", context => context.Service<CatalogContext>().Tickets, o => o.Description = "Support tickets.")
            .QueryList("productList", context => context.Service<CatalogContext>().Products)
            .Connection("unfilteredProducts", context => context.Service<CatalogContext>().Products, o =>
            {
                o.Filtering = false;
                o.Sorting = false;
                o.Projection = false;
            }));
        Schema = builder.Build();
        _executor = new GraphQLExecutor(Schema, null, (schema, document, maxErrors) => DocumentValidator.Validate(schema, document, null, maxErrors));
    }

    public Schema Schema { get; }

    public CommandLog Log { get; } = new();

    public async Task<JsonElement> RunAsync(string query, IReadOnlyDictionary<string, object?>? variables = null)
    {
        await using var db = _database.CreateContext(Log);
        var request = new RequestContext(new Services(db));
        var result = await _executor.ExecuteAsync(new GraphQLRequest { Query = query, Variables = variables }, request);
        return JsonDocument.Parse(result.ToJson()).RootElement.Clone();
    }

    private async Task<ILookup<int, Review>> LoadReviewsAsync(IReadOnlyList<int> productIds, CancellationToken cancellationToken)
    {
        // Its own context: a batch may run while another resolver's query is in flight on the request's context.
        await using var db = _database.CreateContext(Log);
        var reviews = await db.Reviews.Where(r => productIds.Contains(r.ProductId)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return reviews.ToLookup(r => r.ProductId);
    }

    private sealed class Services(CatalogContext db) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(CatalogContext) ? db : null;
    }
}
