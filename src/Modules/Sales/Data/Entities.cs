namespace RfmGraph.Sales.Data;

// EF entities mirror Migrations/0001_sales_schema.sql; the SQL script is the source of truth for the schema.

internal sealed class Business
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string Currency { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class Storefront
{
    public long Id { get; set; }
    public long BusinessId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class Customer
{
    public long Id { get; set; }
    public long BusinessId { get; set; }
    public required string ExternalId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The internal id under the name other modules' GraphQL type extensions of <c>Customer</c> read (e.g. Scoring's
    /// rfm): their one contract with these values. Not a column.
    /// </summary>
    public long CustomerKey => Id;
}

internal sealed class Sale
{
    public long Id { get; set; }
    public long BusinessId { get; set; }
    public long StorefrontId { get; set; }
    public long CustomerId { get; set; }
    public required string ExternalId { get; set; }
    public DateTimeOffset OrderedAt { get; set; }
    public required string Status { get; set; }
    public decimal Amount { get; set; }
    public decimal RefundedAmount { get; set; }
    public Customer? Customer { get; set; }
    public Storefront? Storefront { get; set; }
    public List<SaleItem> Items { get; } = [];
    public List<Payment> Payments { get; } = [];
}

internal sealed class SaleItem
{
    public long Id { get; set; }
    public long BusinessId { get; set; }
    public long SaleId { get; set; }
    public int LineNo { get; set; }
    public required string Sku { get; set; }
    public string? Description { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Amount { get; set; }
}

internal sealed class Payment
{
    public long Id { get; set; }
    public long BusinessId { get; set; }
    public long SaleId { get; set; }
    public required string Method { get; set; }
    public decimal Amount { get; set; }
    public DateTimeOffset PaidAt { get; set; }
}
