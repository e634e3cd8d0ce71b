namespace RfmGraph.Sales.Import;

/// <summary>One validated CSV row, ready for the staging table.</summary>
internal readonly record struct SaleRow(
    long Line,
    string SaleId,
    string CustomerId,
    DateTime OrderedAtUtc,
    decimal Amount,
    string Storefront,
    string Status,
    string? CustomerName,
    string? CustomerEmail);
