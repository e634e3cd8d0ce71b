using Npgsql;

namespace RfmGraph.Sales.Import;

/// <summary>
/// Where the rows of an import into a business that already has sales are copied before they are
/// merged: a session-private table with the CSV line (for the duplicate report) and the customer and
/// storefront ids already resolved, so the merge is one anti-join and an upsert, no lookups.
/// </summary>
internal static class StagingTable
{
    public const string Name = "sales_import_staging";

    public const string CopyCommand =
        $"COPY {Name} (line, sale_id, customer_id, storefront_id, ordered_at, status, amount) FROM STDIN (FORMAT BINARY)";

    public static async Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            CREATE TEMP TABLE {Name} (
                line          bigint        NOT NULL,
                sale_id       text          COLLATE "C" NOT NULL,
                customer_id   bigint        NOT NULL,
                storefront_id bigint        NOT NULL,
                ordered_at    timestamptz   NOT NULL,
                status        text          NOT NULL,
                amount        numeric(18,2) NOT NULL
            ) ON COMMIT DROP
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static void Write(PgBinaryCopyWriter writer, in SaleRecord row, long customerId, long storefrontId)
    {
        writer.StartRow(7);
        writer.WriteInt64(row.Line);
        writer.WriteText(row.SaleId);
        writer.WriteInt64(customerId);
        writer.WriteInt64(storefrontId);
        writer.WriteTimestamp(row.OrderedAt);
        writer.WriteText(SaleStatus.Utf8(row.Status));
        writer.WriteMoney(row.AmountCents);
    }
}
