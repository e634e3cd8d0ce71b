namespace RfmGraph.Sales.Import;

/// <summary>The sale statuses the database accepts (CHECK constraint on sales.sales.status).</summary>
internal static class SaleStatus
{
    public const string Completed = "completed";
    public const string Refunded = "refunded";
    public const string Voided = "voided";

    /// <summary>Case-insensitive; empty means completed. Null when the text is no known status.</summary>
    public static string? Parse(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || System.Text.Ascii.EqualsIgnoreCase(value, "completed"u8))
        {
            return Completed;
        }

        if (System.Text.Ascii.EqualsIgnoreCase(value, "refunded"u8))
        {
            return Refunded;
        }

        return System.Text.Ascii.EqualsIgnoreCase(value, "voided"u8) ? Voided : null;
    }

    /// <summary>The UTF-8 bytes of a status returned by <see cref="Parse"/>.</summary>
    public static ReadOnlySpan<byte> Utf8(string status) => status switch
    {
        Completed => "completed"u8,
        Refunded => "refunded"u8,
        Voided => "voided"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a sale status."),
    };
}
