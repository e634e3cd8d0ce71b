using Npgsql;

namespace RfmGraph.Sales.GraphQL;

/// <summary>
/// A customer as the API returns it. <see cref="CustomerKey"/> (the internal id) is read by name by other
/// modules' type extensions of <c>Customer</c> (e.g. Scoring's rfm): the one contract of these values.
/// </summary>
internal sealed record CustomerNode(long CustomerKey, string ExternalId, string? Name, string? Email, DateTimeOffset CreatedAt)
{
    public const string Columns = "c.id, c.external_id, c.name, c.email, c.created_at";

    public string Id => SalesIds.Customer(CustomerKey);

    public static CustomerNode Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4));
}

/// <summary>A storefront as the API returns it.</summary>
internal sealed record StorefrontNode(long Id, string Code, string Name, DateTimeOffset CreatedAt)
{
    public const string Columns = "s.id, s.code, s.name, s.created_at";

    public static StorefrontNode Read(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
}

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
