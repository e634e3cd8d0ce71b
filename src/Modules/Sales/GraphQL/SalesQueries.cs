using RfmGraph.GraphQL.Types;
using RfmGraph.Platform.GraphQL.Querying;

namespace RfmGraph.Sales.GraphQL;

/// <summary>Sales' fields on Query.</summary>
internal static class SalesQueries
{
    public static void Add(SchemaBuilder schema) =>
        schema.ExtendObject<object>("Query", q =>
        {
            q.Field("customers", "CustomerConnection!")
                .Description("Your business's customers, filterable and sortable (default: by externalId), keyset-paged.")
                .ConnectionArguments(CustomersQuery.Model)
                .ResolveAsync((_, ctx) => CustomersQuery.PageAsync(ctx));
            q.Field("customer", "Customer")
                .Description("A customer by global id; null when unknown or another business's.")
                .Argument("id", "ID!", "The customer's global id (Customer.id).")
                .ResolveAsync((_, ctx) => SalesIds.ParseCustomer(ctx.Arguments["id"]) is { } id
                    ? CustomersQuery.FindAsync(ctx, id)
                    : Task.FromResult<CustomerNode?>(null));
            q.Field("customerByExternalId", "Customer")
                .Description("A customer by its id in the source system; null when unknown.")
                .Argument("externalId", "String!", "The source system's customer id.")
                .ResolveAsync((_, ctx) => CustomersQuery.FindByExternalIdAsync(ctx, (string)ctx.Arguments["externalId"]!));
            q.Field("storefronts", "[Storefront!]!")
                .Description("Your business's storefronts, by code.")
                .ResolveAsync((_, ctx) => CustomersQuery.StorefrontsAsync(ctx));
        });
}
