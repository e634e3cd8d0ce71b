namespace RfmGraph.Sales.Import;

/// <summary>
/// One validated CSV row. Text values are spans over the reader's buffer (valid UTF-8, trimmed), valid
/// only until the next read: they are copied straight into the COPY stream, never turned into strings.
/// </summary>
internal readonly ref struct SaleRecord(
    long line,
    ReadOnlySpan<byte> saleId,
    ReadOnlySpan<byte> customerId,
    long orderedAt,
    long amountCents,
    string storefront,
    string status,
    ReadOnlySpan<byte> customerName,
    ReadOnlySpan<byte> customerEmail)
{
    public long Line { get; } = line;

    public ReadOnlySpan<byte> SaleId { get; } = saleId;

    public ReadOnlySpan<byte> CustomerId { get; } = customerId;

    /// <summary>PostgreSQL timestamptz: microseconds since 2000-01-01 UTC.</summary>
    public long OrderedAt { get; } = orderedAt;

    public long AmountCents { get; } = amountCents;

    public string Storefront { get; } = storefront;

    public string Status { get; } = status;

    /// <summary>Empty when the row gives no name.</summary>
    public ReadOnlySpan<byte> CustomerName { get; } = customerName;

    /// <summary>Empty when the row gives no e-mail.</summary>
    public ReadOnlySpan<byte> CustomerEmail { get; } = customerEmail;
}
