namespace RfmGraph.Sales.GraphQL;

/// <summary>A sale as recordSale returns it.</summary>
internal sealed record SaleNode(
    long Id,
    string ExternalId,
    long CustomerId,
    long StorefrontId,
    DateTimeOffset OrderedAt,
    string Status,
    decimal Amount,
    decimal RefundedAmount,
    string Currency,
    IReadOnlyList<SaleItemNode> Items);

internal sealed record SaleItemNode(int LineNo, string Sku, string? Description, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <summary>An input problem: the path of the input field, a sentence, and a stable code.</summary>
internal sealed record UserError(IReadOnlyList<string> Field, string Message, string Code);
