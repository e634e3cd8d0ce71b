using RfmGraph.GraphQL.Data;
using RfmGraph.GraphQL.Types;
using RfmGraph.Sales.Data;

namespace RfmGraph.Sales.GraphQL;

/// <summary>
/// Sales' object types. Customer and Storefront are the EF entities themselves: the engine's data conventions
/// filter, sort, page and project them, and they are Relay nodes (<c>Node</c>, <c>node(id)</c>, <c>nodes(ids)</c>
/// come from the engine). <c>UserError</c> is shared by every module's mutation payloads, by name.
/// </summary>
internal static class SalesTypes
{
    public static void Add(SchemaBuilder schema)
    {
        schema.Object("UserError", t =>
        {
            t.Description("A problem with a mutation's input; the mutation then changed nothing.");
            t.Field("field", "[String!]!").Description("Path of the offending input field, e.g. [\"input\", \"amount\"] without the input prefix: [\"amount\"].");
            t.Field("message", "String!").Description("What is wrong and what is allowed.");
            t.Field("code", "String!").Description("Stable machine-readable code, e.g. NEGATIVE_AMOUNT.");
        });

        // Internal ids stay out of filters and sorts: clients only ever see opaque global ids.
        schema.AddDataType<Customer>(d => d
            .Key(c => c.Id)
            .Ignore(c => c.Id)
            .Ignore(c => c.BusinessId)
            .Ignore(c => c.CustomerKey));
        schema.AddDataType<Storefront>(d => d
            .Key(s => s.Id)
            .Ignore(s => s.Id)
            .Ignore(s => s.BusinessId));
        schema.Object<Customer>("Customer", t => t
            .Description("A customer of your business, as imported or upserted.")
            .Field("externalId", "String!", c => c.ExternalId, "The customer's id in the source system, exactly as imported.")
            .Field("name", "String", c => c.Name, "Name.")
            .Field("email", "String", c => c.Email, "Email address.")
            .Field("createdAt", "DateTime!", c => c.CreatedAt, "When the customer was first recorded."));
        schema.AddNodeType<Customer, long>(SalesIds.CustomerType, c => c.Id, SalesReads.CustomersByIdAsync);
        schema.Object<Storefront>("Storefront", t => t
            .Description("A store or channel of your business; sales are made in one.")
            .Field("code", "String!", s => s.Code, "The storefront as the source system names it.")
            .Field("name", "String!", s => s.Name, "Display name.")
            .Field("createdAt", "DateTime!", s => s.CreatedAt, "When it was created."));
        schema.AddNodeType<Storefront, long>(SalesIds.StorefrontType, s => s.Id, SalesReads.StorefrontsByIdAsync);

        schema.Enum("SaleStatus", ["COMPLETED", "REFUNDED", "VOIDED"], "Only completed sales count as orders; refunds reduce monetary value; voided sales are ignored.");
        schema.Object<SaleItemNode>("SaleItem", t => t
            .Description("A line of a sale.")
            .Field("lineNo", "Int!", i => i.LineNo, "Line number, 1 = first.")
            .Field("sku", "String!", i => i.Sku, "Product code.")
            .Field("description", "String", i => i.Description, "Product description.")
            .Field("quantity", "Decimal!", i => i.Quantity, "Quantity.")
            .Field("unitPrice", "Decimal!", i => i.UnitPrice, "Price per unit.")
            .Field("amount", "Decimal!", i => i.Amount, "quantity × unitPrice."));
        schema.Object<SaleNode>("Sale", t =>
        {
            t.Description("A sale (order).");
            t.Field("id", "ID!", s => SalesIds.Numeric(s.Id), "The sale id.");
            t.Field("externalId", "String!", s => s.ExternalId, "The sale's id in the source system.");
            t.Field("customerId", "ID!", s => SalesIds.Customer(s.CustomerId), "The customer's global id.");
            t.Field("storefrontId", "ID!", s => SalesIds.Storefront(s.StorefrontId), "The storefront's global id.");
            t.Field("orderedAt", "DateTime!", s => s.OrderedAt, "When the sale happened.");
            t.Field("status", "SaleStatus!", s => s.Status.ToUpperInvariant(), "Completed, refunded or voided.");
            t.Field("amount", "Decimal!", s => s.Amount, "Gross amount.");
            t.Field("refundedAmount", "Decimal!", s => s.RefundedAmount, "Partial refunds recorded on a completed sale.");
            t.Field("netAmount", "Decimal!", s => s.Status == "completed" ? s.Amount - s.RefundedAmount : s.Status == "refunded" ? -s.Amount : 0m, "What the sale adds to monetary value.");
            t.Field("currency", "String!", s => s.Currency, "ISO 4217 code (the business's currency).");
            t.Field("items", "[SaleItem!]!", s => s.Items, "Line items.");
        });
    }
}
