using RfmGraph.GraphQL.Types;
using RfmGraph.Platform.GraphQL.Querying;

namespace RfmGraph.Sales.GraphQL;

/// <summary>
/// Sales' object types, plus the shared conventions every module's API uses by name: <c>Node</c>, <c>PageInfo</c>,
/// <c>SortDirection</c>, <c>StringFilter</c>, <c>DateTimeFilter</c> and <c>UserError</c>. Their fields read
/// values by member name, so other modules return their own records for them.
/// </summary>
internal static class SalesTypes
{
    public static void Add(SchemaBuilder schema)
    {
        schema.Interface("Node", i => i
            .Description("An object with a globally unique, opaque id (Relay global object identification).")
            .Field("id", "ID!").Description("The object's global id."));
        schema.Object("PageInfo", t =>
        {
            t.Description("Where a connection page sits: whether rows exist beyond it, and its first and last cursors.");
            t.Field("hasNextPage", "Boolean!").Description("More rows follow the page's last row.");
            t.Field("hasPreviousPage", "Boolean!").Description("More rows precede the page's first row.");
            t.Field("startCursor", "String").Description("Cursor of the page's first row.");
            t.Field("endCursor", "String").Description("Cursor of the page's last row.");
        });
        schema.Enum("SortDirection", ["ASC", "DESC"], "Sort direction of one sort key.");
        schema.InputObject<object>("StringFilter", i => i
            .Description("Conditions on a String field; all given operations must hold. eq: null matches missing values.")
            .Field("eq", "String", "Equal to (case-sensitive).")
            .Field("neq", "String", "Not equal to.")
            .Field("in", "[String!]", "One of.")
            .Field("nin", "[String!]", "None of.")
            .Field("contains", "String", "Contains the text (case-sensitive).")
            .Field("startsWith", "String", "Starts with the text.")
            .Field("endsWith", "String", "Ends with the text."));
        schema.InputObject<object>("DateTimeFilter", i => i
            .Description("Conditions on a DateTime field; all given operations must hold.")
            .Field("eq", "DateTime", "Equal to.")
            .Field("neq", "DateTime", "Not equal to.")
            .Field("in", "[DateTime!]", "One of.")
            .Field("nin", "[DateTime!]", "None of.")
            .Field("gt", "DateTime", "After.")
            .Field("gte", "DateTime", "At or after.")
            .Field("lt", "DateTime", "Before.")
            .Field("lte", "DateTime", "At or before."));
        schema.Object("UserError", t =>
        {
            t.Description("A problem with a mutation's input; the mutation then changed nothing.");
            t.Field("field", "[String!]!").Description("Path of the offending input field, e.g. [\"input\", \"amount\"] without the input prefix: [\"amount\"].");
            t.Field("message", "String!").Description("What is wrong and what is allowed.");
            t.Field("code", "String!").Description("Stable machine-readable code, e.g. NEGATIVE_AMOUNT.");
        });

        schema.Object<CustomerNode>("Customer", t => t
            .Description("A customer of your business, as imported or upserted.")
            .Implements("Node")
            .Field("id", "ID!", c => c.Id, "Opaque global id.")
            .Field("externalId", "String!", c => c.ExternalId, "The customer's id in the source system, exactly as imported.")
            .Field("name", "String", c => c.Name, "Name.")
            .Field("email", "String", c => c.Email, "Email address.")
            .Field("createdAt", "DateTime!", c => c.CreatedAt, "When the customer was first recorded."));
        schema.Object<StorefrontNode>("Storefront", t => t
            .Description("A store or channel of your business; sales are made in one.")
            .Field("id", "ID!", s => SalesIds.Numeric(s.Id), "The storefront id (use it in storefrontId arguments).")
            .Field("code", "String!", s => s.Code, "The storefront as the source system names it.")
            .Field("name", "String!", s => s.Name, "Display name.")
            .Field("createdAt", "DateTime!", s => s.CreatedAt, "When it was created."));
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
            t.Field("storefrontId", "ID!", s => SalesIds.Numeric(s.StorefrontId), "The storefront.");
            t.Field("orderedAt", "DateTime!", s => s.OrderedAt, "When the sale happened.");
            t.Field("status", "SaleStatus!", s => s.Status.ToUpperInvariant(), "Completed, refunded or voided.");
            t.Field("amount", "Decimal!", s => s.Amount, "Gross amount.");
            t.Field("refundedAmount", "Decimal!", s => s.RefundedAmount, "Partial refunds recorded on a completed sale.");
            t.Field("netAmount", "Decimal!", s => s.Status == "completed" ? s.Amount - s.RefundedAmount : s.Status == "refunded" ? -s.Amount : 0m, "What the sale adds to monetary value.");
            t.Field("currency", "String!", s => s.Currency, "ISO 4217 code (the business's currency).");
            t.Field("items", "[SaleItem!]!", s => s.Items, "Line items.");
        });
        ConnectionSchema.AddConnectionTypes<CustomerNode>(schema, CustomersQuery.Model, "A page of customers.");
    }
}
