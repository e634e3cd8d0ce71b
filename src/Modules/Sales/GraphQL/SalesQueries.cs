using Microsoft.EntityFrameworkCore;
using RfmGraph.GraphQL.Data;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.Sales.Data;

namespace RfmGraph.Sales.GraphQL;

/// <summary>Sales' fields on Query: customers and storefronts through the engine's data conventions.</summary>
internal static class SalesQueries
{
    public static void Add(SchemaBuilder schema) =>
        schema.ExtendObject<object>("Query", q =>
        {
            q.Connection("customers", SalesReads.Customers, o =>
            {
                o.Description = "Your business's customers, filterable and sortable (default: by externalId), keyset-paged.";
                o.DefaultOrder = [("externalId", SortEnumType.Asc)];
            });
            q.Field("customer", "Customer")
                .Description("A customer by global id; null when unknown or another business's.")
                .Argument("id", "ID!", "The customer's global id (Customer.id).")
                .ResolveAsync((_, ctx) => SalesIds.ParseCustomer(ctx.Arguments["id"]) is { } id
                    ? ctx.BatchLoader<long, Customer>("sales.customer", (ids, ct) => SalesReads.CustomersByIdAsync(ctx, ids, ct)).LoadAsync(id)
                    : Task.FromResult<Customer?>(null));
            q.Field("customerByExternalId", "Customer")
                .Description("A customer by its id in the source system; null when unknown.")
                .Argument("externalId", "String!", "The source system's customer id.")
                .ResolveAsync((_, ctx) =>
                {
                    var externalId = (string)ctx.Arguments["externalId"]!;
                    return SalesReads.Customers(ctx).FirstOrDefaultAsync(c => c.ExternalId == externalId, ctx.CancellationToken);
                });
            q.QueryList("storefronts", SalesReads.Storefronts, o =>
            {
                o.Description = "Your business's storefronts, by code unless ordered otherwise.";
                o.DefaultOrder = [("code", SortEnumType.Asc)];
            });
        });
}
