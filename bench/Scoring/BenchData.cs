using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Bench.Scoring;

/// <summary>
/// The demo business the benchmark scores: the Sales module's demo seeder when it is registered,
/// otherwise a deterministic set-based generator (1..19 sales per customer, mean 10; 90 % completed,
/// 7 % refunded, 3 % voided; two years of history; 5 storefronts). Reused when already loaded.
/// </summary>
internal static class BenchData
{
    public const string BusinessKey = "bench-scoring";

    public static async Task<(long BusinessId, long Sales, string Source)> EnsureAsync(
        NpgsqlDataSource dataSource, IServiceProvider services, int customers, DateTimeOffset asOf, TextWriter log)
    {
        var existing = await ExistingAsync(dataSource);
        if (existing is { } found && found.Customers == customers)
        {
            await log.WriteLineAsync($"Reusing business {found.BusinessId}: {found.Customers:N0} customers, {found.Sales:N0} sales.");
            return (found.BusinessId, found.Sales, found.Source);
        }

        var stopwatch = Stopwatch.StartNew();
        if (services.GetService<IDemoDataSeeder>() is { } seeder)
        {
            await log.WriteLineAsync($"Seeding {customers:N0} customers with the Sales demo seeder...");
            var result = await seeder.SeedAsync(new DemoDataRequest(customers, 42, BusinessKey, asOf), null, CancellationToken.None);
            await MarkAsync(dataSource, result.BusinessId, customers, "IDemoDataSeeder");
            await AnalyzeAsync(dataSource);
            await log.WriteLineAsync($"Seeded {result.Sales:N0} sales in {stopwatch.Elapsed}.");
            return (result.BusinessId, result.Sales, "IDemoDataSeeder");
        }

        await log.WriteLineAsync($"Generating {customers:N0} customers with the benchmark's SQL generator...");
        long businessId;
        await using (var command = dataSource.CreateCommand("""
            INSERT INTO sales.businesses (key, name, currency) VALUES (@key, 'Scoring benchmark', 'EUR')
            ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name RETURNING id
            """))
        {
            command.Parameters.AddWithValue("key", BusinessKey);
            businessId = (long)(await command.ExecuteScalarAsync())!;
        }

        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var probe = new NpgsqlCommand("SELECT to_regprocedure('sales.ensure_business_partitions(bigint)') IS NOT NULL", connection);
            var partitioned = await probe.ExecuteScalarAsync() is true;
            var sql = $"""
                {(partitioned ? "SELECT sales.ensure_business_partitions(@business);" : string.Empty)}
                DELETE FROM sales.sales WHERE business_id = @business;
                INSERT INTO sales.sales (business_id, storefront_id, customer_id, external_id, ordered_at, status, amount, refunded_amount)
                SELECT @business, 1 + c % 5, c, 'b' || c || '-' || i,
                       @as_of - make_interval(secs => (abs(hashint8(c * 64 + i)) % (730 * 86400))::double precision),
                       CASE WHEN abs(hashint8(c * 64 + i + 7)) % 100 < 90 THEN 'completed'
                            WHEN abs(hashint8(c * 64 + i + 7)) % 100 < 97 THEN 'refunded' ELSE 'voided' END,
                       (500 + abs(hashint8(c * 64 + i + 13)) % 20000) / 100.0,
                       0
                FROM generate_series(1, @customers::bigint) AS c
                CROSS JOIN LATERAL generate_series(1, 1 + (abs(hashint8(c)) % 19)::int) AS i;
                """;
            await using var insert = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            insert.Parameters.AddWithValue("business", businessId);
            insert.Parameters.AddWithValue("as_of", asOf);
            insert.Parameters.AddWithValue("customers", customers);
            await insert.ExecuteNonQueryAsync();
        }

        await MarkAsync(dataSource, businessId, customers, "SQL generator");
        await AnalyzeAsync(dataSource);
        var sales = await CountAsync(dataSource, businessId);
        await log.WriteLineAsync($"Generated {sales:N0} sales in {stopwatch.Elapsed}.");
        return (businessId, sales, "SQL generator");
    }

    /// <summary>Drops every scoring run and its partition (the sales stay), if the scoring schema exists yet.</summary>
    public static async Task DropPreviousRunsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            DO $$
            DECLARE run record;
            BEGIN
                IF to_regclass('scoring.runs') IS NULL THEN
                    RETURN;
                END IF;
                DELETE FROM scoring.current_runs;
                FOR run IN SELECT id FROM scoring.runs LOOP
                    EXECUTE format('DROP TABLE IF EXISTS scoring.customer_scores_%s', run.id);
                END LOOP;
                DELETE FROM scoring.runs;
            END $$
            """, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(long BusinessId, int Customers, long Sales, string Source)?> ExistingAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT b.id, m.customers, m.source FROM sales.businesses b
            JOIN public.bench_scoring_data m ON m.business_id = b.id WHERE b.key = @key
            """);
        command.Parameters.AddWithValue("key", BusinessKey);
        await using (var create = dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS public.bench_scoring_data (business_id bigint PRIMARY KEY, customers integer NOT NULL, source text NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var (id, customers, source) = (reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2));
        return (id, customers, await CountAsync(dataSource, id), source);
    }

    private static async Task MarkAsync(NpgsqlDataSource dataSource, long businessId, int customers, string source)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO public.bench_scoring_data (business_id, customers, source) VALUES (@b, @c, @s)
            ON CONFLICT (business_id) DO UPDATE SET customers = EXCLUDED.customers, source = EXCLUDED.source
            """);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("c", customers);
        command.Parameters.AddWithValue("s", source);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task AnalyzeAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("VACUUM (ANALYZE) sales.sales");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, long businessId)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM sales.sales WHERE business_id = @b");
        command.Parameters.AddWithValue("b", businessId);
        command.CommandTimeout = 0;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
