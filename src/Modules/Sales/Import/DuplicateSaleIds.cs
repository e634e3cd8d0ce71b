using System.Text;
using Npgsql;

namespace RfmGraph.Sales.Import;

/// <summary>
/// Line numbers for the duplicate sale_ids of a first import. Its rows go straight into the new
/// partition, which has no line column; the unique index build finds that duplicates exist, then
/// this asks the table which ids they are and reads the file once more to say where they are.
/// Only a failing import pays for that second read.
/// </summary>
internal static class DuplicateSaleIds
{
    public static async Task ReportAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string filePath, string? currency, ImportErrors errors, CancellationToken cancellationToken)
    {
        var duplicated = new HashSet<byte[]>(Utf8KeyComparer.Instance);
        await using (var command = new NpgsqlCommand($"SELECT external_id FROM {table} GROUP BY external_id HAVING count(*) > 1", connection, transaction) { CommandTimeout = 0 })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                duplicated.Add(Encoding.UTF8.GetBytes(reader.GetString(0)));
            }
        }

        var lookup = duplicated.GetAlternateLookup<ReadOnlySpan<byte>>();
        var firstLines = new Dictionary<byte[], long>(Utf8KeyComparer.Instance);
        var firstLookup = firstLines.GetAlternateLookup<ReadOnlySpan<byte>>();
        await using var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var csv = new SalesCsvReader(file, new ImportErrors(), currency);
        if (!csv.ReadHeader())
        {
            return;
        }

        while (csv.TryRead(out var row))
        {
            if (!lookup.Contains(row.SaleId))
            {
                continue;
            }

            if (firstLookup.TryGetValue(row.SaleId, out var first))
            {
                errors.Add(row.Line, SalesCsvColumns.SaleId, $"duplicate sale_id '{Encoding.UTF8.GetString(row.SaleId)}' (first on line {first})");
            }
            else
            {
                firstLookup[row.SaleId] = row.Line;
            }
        }
    }
}
