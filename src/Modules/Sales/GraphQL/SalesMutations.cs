using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.Sales.Data;

namespace RfmGraph.Sales.GraphQL;

/// <summary>Sales ingest mutations: one input each, a payload with the result or userErrors (and then nothing written).</summary>
internal static class SalesMutations
{
    public static void Add(SchemaBuilder schema)
    {
        schema.InputObject<object>("CreateStorefrontInput", i => i
            .Description("A new storefront.")
            .Field("code", "String!", "The storefront as the source system names it (unique in your business, 1-200 characters).")
            .Field("name", "String!", "Display name (1-200 characters)."));
        schema.Object<StorefrontPayload>("CreateStorefrontPayload", t => t
            .Description("The created storefront, or why not.")
            .Field("storefront", "Storefront", p => p.Storefront, "The new storefront.")
            .Field("userErrors", "[UserError!]!", p => p.Errors, "Problems with the input."));
        schema.InputObject<object>("UpsertCustomerInput", i => i
            .Description("A customer, identified by its id in the source system: created if new, else updated. Omitted fields keep their value.")
            .Field("externalId", "String!", "The source system's customer id (1-200 characters).")
            .Field("name", "String", "Name (at most 200 characters).")
            .Field("email", "String", "Email address."));
        schema.Object<CustomerPayload>("UpsertCustomerPayload", t => t
            .Description("The customer as stored, or why not.")
            .Field("customer", "Customer", p => p.Customer, "The customer.")
            .Field("created", "Boolean!", p => p.Created, "True when the customer was new.")
            .Field("userErrors", "[UserError!]!", p => p.Errors, "Problems with the input."));
        schema.InputObject<object>("SaleItemInput", i => i
            .Description("A line of a sale.")
            .Field("sku", "String!", "Product code.")
            .Field("description", "String", "Product description.")
            .Field("quantity", "Decimal!", "Quantity (positive).")
            .Field("unitPrice", "Decimal!", "Price per unit (not negative)."));
        schema.InputObject<object>("RecordSaleInput", i => i
            .Description("A sale to record. Identify the customer by customerId or customerExternalId.")
            .Field("externalId", "String!", "The source system's sale id (unique in your business).")
            .Field("customerId", "ID", "The customer's global id.")
            .Field("customerExternalId", "String", "The customer's id in the source system.")
            .Field("storefrontId", "ID!", "The storefront.")
            .Field("orderedAt", "DateTime!", "When the sale happened.")
            .Field("status", "SaleStatus", "Completed (default), refunded or voided.", defaultValue: "COMPLETED")
            .Field("amount", "Decimal!", "Gross amount (not negative, at most 2 decimals).")
            .Field("refundedAmount", "Decimal", "Partial refunds on a completed sale (0..amount).", defaultValue: 0m)
            .Field("currency", "String", "ISO 4217 code; must be your business's currency (default).")
            .Field("items", "[SaleItemInput!]", "Line items."));
        schema.Object<SalePayload>("RecordSalePayload", t => t
            .Description("The recorded sale, or why not.")
            .Field("sale", "Sale", p => p.Sale, "The sale.")
            .Field("userErrors", "[UserError!]!", p => p.Errors, "Problems with the input."));

        schema.ExtendObject<object>("Mutation", m =>
        {
            m.Field("createStorefront", "CreateStorefrontPayload!")
                .Description("Creates a storefront in your business.")
                .Argument("input", "CreateStorefrontInput!", "The storefront.")
                .ResolveAsync((_, ctx) => SalesWriter.CreateStorefrontAsync(ctx, Input(ctx)));
            m.Field("upsertCustomer", "UpsertCustomerPayload!")
                .Description("Creates or updates a customer by its external id.")
                .Argument("input", "UpsertCustomerInput!", "The customer.")
                .ResolveAsync((_, ctx) => SalesWriter.UpsertCustomerAsync(ctx, Input(ctx)));
            m.Field("recordSale", "RecordSalePayload!")
                .Description("Records one sale with its items, all or nothing.")
                .Argument("input", "RecordSaleInput!", "The sale.")
                .ResolveAsync((_, ctx) => SalesWriter.RecordSaleAsync(ctx, Input(ctx)));
        });
    }

    private static IReadOnlyDictionary<string, object?> Input(IResolverContext ctx) => (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;
}

internal sealed record StorefrontPayload(Storefront? Storefront, IReadOnlyList<UserError> Errors);

internal sealed record CustomerPayload(Customer? Customer, bool Created, IReadOnlyList<UserError> Errors);

internal sealed record SalePayload(SaleNode? Sale, IReadOnlyList<UserError> Errors);
