using Npgsql;
using NpgsqlTypes;

namespace RfmGraph.Sales.Import;

/// <summary>
/// The session-private table an import is copied into before it touches sales.*: the file is
/// validated and streamed here with binary COPY, then merged set-based in one transaction.
/// </summary>
internal static class StagingTable
{
    public const string Name = "sales_import_staging";

    public static async Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            CREATE TEMP TABLE {Name} (
                line           bigint        NOT NULL,
                sale_id        text          COLLATE "C" NOT NULL,
                customer_id    text          COLLATE "C" NOT NULL,
                ordered_at     timestamptz   NOT NULL,
                amount         numeric(18,2) NOT NULL,
                storefront     text          COLLATE "C" NOT NULL,
                status         text          NOT NULL,
                customer_name  text          COLLATE "C",
                customer_email text          COLLATE "C"
            ) ON COMMIT DROP
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static Task<NpgsqlBinaryImporter> BeginCopyAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.BeginBinaryImportAsync(
            $"COPY {Name} (line, sale_id, customer_id, ordered_at, amount, storefront, status, customer_name, customer_email) FROM STDIN (FORMAT BINARY)",
            cancellationToken);

    /// <summary>Writes one row; synchronous on purpose: it only fills Npgsql's buffer except when that flushes.</summary>
    public static void Write(NpgsqlBinaryImporter copy, in SaleRow row)
    {
        copy.StartRow();
        copy.Write(row.Line, NpgsqlDbType.Bigint);
        copy.Write(row.SaleId, NpgsqlDbType.Text);
        copy.Write(row.CustomerId, NpgsqlDbType.Text);
        copy.Write(row.OrderedAtUtc, NpgsqlDbType.TimestampTz);
        copy.Write(row.Amount, NpgsqlDbType.Numeric);
        copy.Write(row.Storefront, NpgsqlDbType.Text);
        copy.Write(row.Status, NpgsqlDbType.Text);
        WriteNullable(copy, row.CustomerName);
        WriteNullable(copy, row.CustomerEmail);
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }
}
