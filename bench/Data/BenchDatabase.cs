using Npgsql;

namespace RfmGraph.Bench.Data;

/// <summary>What the bench reads straight from the database: data size, the current run, and query parameters.</summary>
internal sealed class BenchDatabase(NpgsqlDataSource dataSource)
{
    public async Task<long> CustomersAsync(string business)
    {
        if (!await ExistsAsync("sales.customers"))
        {
            return 0;
        }

        return await ScalarAsync<long>(
            "SELECT count(*) FROM sales.customers c JOIN sales.businesses b ON b.id = c.business_id WHERE b.key = @key", ("key", business));
    }

    public async Task<(long RunId, long Scored)?> CurrentRunAsync(string business)
    {
        if (!await ExistsAsync("scoring.current_runs"))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("""
            SELECT r.id, coalesce(r.customers_scored, 0) FROM scoring.current_runs cr
            JOIN sales.businesses b ON b.id = cr.business_id
            JOIN scoring.runs r ON r.id = cr.run_id
            WHERE b.key = @key AND cr.storefront_id IS NULL
            """);
        command.Parameters.AddWithValue("key", business);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    /// <summary>The run's most common segment: the filter that returns the most rows (the harder seek to page through).</summary>
    public async Task<(string Code, long Customers)> LargestSegmentAsync(long runId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT segment_code, count(*) FROM scoring.customer_scores WHERE run_id = @run GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1");
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt64(1));
    }

    /// <summary>The most common first letter of customer names: a name filter that matches a large share of rows.</summary>
    public async Task<(string Prefix, long Customers)> CommonNamePrefixAsync(string business)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT left(c.name, 1), count(*) FROM sales.customers c JOIN sales.businesses b ON b.id = c.business_id
            WHERE b.key = @key AND c.name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1
            """);
        command.Parameters.AddWithValue("key", business);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt64(1));
    }

    public async Task AnalyzeAsync()
    {
        await using var command = dataSource.CreateCommand("ANALYZE scoring.customer_scores; ANALYZE sales.customers;");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private Task<bool> ExistsAsync(string table) => ScalarAsync<bool>("SELECT to_regclass(@table) IS NOT NULL", ("table", table));

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
