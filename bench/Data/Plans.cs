using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace RfmGraph.Bench.Data;

/// <summary>
/// EXPLAIN ANALYZE of the statements the Host itself sends: auto_explain (preloaded, off) is switched on for one
/// workload cycle, and the plans it writes to the server log are picked out by the tables they read.
/// </summary>
internal static partial class Plans
{
    public static async Task<IReadOnlyList<string>> CaptureAsync(NpgsqlDataSource dataSource, string serverLog, Func<Task> cycle)
    {
        var offset = new FileInfo(serverLog).Length;
        await ExecuteAsync(dataSource, "ALTER SYSTEM SET auto_explain.log_min_duration = 0");
        try
        {
            // Every backend rereads its settings before its next statement.
            await Task.Delay(500);
            await cycle();
        }
        finally
        {
            await ExecuteAsync(dataSource, "ALTER SYSTEM RESET auto_explain.log_min_duration");
        }

        await Task.Delay(500);
        string appended;
        await using (var stream = new FileStream(serverLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.Seek(offset, SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            appended = await reader.ReadToEndAsync();
        }

        return [.. EntryStart().Split(appended)
            .Where(e => e.Contains("plan:", StringComparison.Ordinal)
                && (e.Contains("customer_scores", StringComparison.Ordinal) || e.Contains("FROM sales.customers", StringComparison.Ordinal)))
            .Select(e => e.Trim())];
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
        await using var reload = dataSource.CreateCommand("SELECT pg_reload_conf()");
        await reload.ExecuteScalarAsync();
    }

    /// <summary>Log entries begin with the default log_line_prefix's timestamp.</summary>
    [GeneratedRegex(@"(?m)^(?=\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})")]
    private static partial Regex EntryStart();
}
