using System.Globalization;
using Npgsql;

namespace RfmGraph.Sales.Import;

/// <summary>
/// Where the rows of an import into a business that already has sales are copied before they are
/// merged: a table with the CSV line (for the duplicate report) and the customer and storefront ids
/// already resolved, so the merge is one anti-join and an upsert, no lookups. It is created and dropped
/// inside the import's transaction, so nobody else ever sees it, and one per business (imports of a
/// business run one at a time under its lock). Unlogged rather than temporary: parallel workers can read
/// it (the anti-join against ten million stored sales runs on both cores) and it writes no WAL on any server.
/// </summary>
internal static class StagingTable
{
    public static string NameFor(long businessId) => "sales.import_staging_b" + businessId.ToString(CultureInfo.InvariantCulture);

    public static string CopyCommand(string table) =>
        $"COPY {table} (line, sale_id, customer_id, storefront_id, ordered_at, status, amount) FROM STDIN (FORMAT BINARY)";

    public static async Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            DROP TABLE IF EXISTS {table};
            CREATE UNLOGGED TABLE {table} (
                line          bigint        NOT NULL,
                sale_id       text          COLLATE "C" NOT NULL,
                customer_id   bigint        NOT NULL,
                storefront_id bigint        NOT NULL,
                ordered_at    timestamptz   NOT NULL,
                status        text          NOT NULL,
                amount        numeric(18,2) NOT NULL
            )
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
