using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RfmGraph.Host.Composition;
using RfmGraph.Sales.Contracts;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Acceptance;

/// <summary>
/// Issue 2, item 6: the demo data set is shaped "so every segment of every built-in scheme gets members".
/// The default demo (5,000 customers, seed 42) is scored with the default method (QUANTILE_TIES, 5 bins) over
/// the last 365 days under each built-in scheme, at the demo's own "today". It does not hold for every window:
/// with the default 90 days, frequencies are 1-4 orders, the F cut points are [1, 2, 2, 3], no customer gets F = 3
/// and "Need Attention" (R3 F3) of classic11 and rfgrid10 stays empty; over 730 days classic11's "Promising" is
/// empty (reported in docs/acceptance/issue-2.md, "Gaps found"). A rule that no score
/// cell can reach (every cell it covers is taken by an earlier rule) cannot get members from any data,
/// so the expected set is worked out from the rules themselves: every rule that is first for at least
/// one of the 125 (r, f, m) cells, plus the fallback when some cell matches no rule.
/// </summary>
public sealed class AcceptanceDemoSegmentsTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Theory]
    [InlineData("pos8")]
    [InlineData("classic11")]
    [InlineData("rfgrid10")]
    public async Task Every_reachable_segment_of_a_built_in_scheme_has_members_in_the_default_demo_over_a_year(string scheme)
    {
        var database = await postgres.CreateDatabaseAsync("accept_demo");
        using var host = await StartAsync(database);
        await using var scope = host.Services.CreateAsyncScope();
        var asOf = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var demo = await scope.ServiceProvider.GetRequiredService<IDemoDataSeeder>()
            .SeedAsync(new DemoDataRequest(5_000, Seed: 42, AsOf: asOf), null, CancellationToken.None);
        var runs = scope.ServiceProvider.GetRequiredService<IRfmRuns>();

        var queued = await runs.RequestAsync(new RfmRunRequest(demo.BusinessId, AsOf: asOf, Days: 365, Scheme: scheme), CancellationToken.None);
        Assert.True(queued.Succeeded, string.Join("; ", queued.Errors.Select(e => e.Message)));
        var run = await runs.ExecuteAsync(queued.Run!.Id, null, CancellationToken.None);

        Assert.Equal(RfmRunStatus.Succeeded, run.Status);
        var reachable = await RowsAsync(database, $"""
            WITH s AS (SELECT id, fallback_code FROM scoring.segment_schemes WHERE business_id IS NULL AND key = '{scheme}' AND version = 1),
                 cells AS (SELECT r, f, m FROM generate_series(1, 5) r, generate_series(1, 5) f, generate_series(1, 5) m),
                 first_match AS (
                     SELECT c.r, c.f, c.m, coalesce(
                         (SELECT code FROM scoring.segment_rules x, s
                          WHERE x.scheme_id = s.id AND c.r BETWEEN r_min AND r_max AND c.f BETWEEN f_min AND f_max AND c.m BETWEEN m_min AND m_max
                          ORDER BY position LIMIT 1),
                         (SELECT fallback_code FROM s)) AS code
                     FROM cells c)
            SELECT DISTINCT code FROM first_match ORDER BY code
            """);
        var populated = await RowsAsync(database, $"""
            SELECT segment_code FROM scoring.customer_scores WHERE run_id = {run.Id} GROUP BY segment_code HAVING count(*) > 0 ORDER BY segment_code
            """);
        Assert.True(reachable.Count >= 8, string.Join(", ", reachable));
        var missing = reachable.Except(populated).ToList();
        Assert.True(missing.Count == 0, $"{scheme}: no members in {string.Join(", ", missing)}; customers per (r, f): " + string.Join(", ", await RowsAsync(database, $"""
            SELECT r || 'x' || f || '=' || count(*) FROM scoring.customer_scores WHERE run_id = {run.Id} GROUP BY r, f ORDER BY r, f
            """)) + $"; cut points R [{string.Join(", ", run.CutPoints?.Recency ?? [])}] F [{string.Join(", ", run.CutPoints?.Frequency ?? [])}]");
        Assert.Equal(reachable, populated);
        Assert.Equal(reachable.Count, run.Segments.Count(s => s.Customers > 0));
    }

    private static async Task<IHost> StartAsync(string connectionString)
    {
        // Like the CLI's host (CliHost): database, migrations and the modules, but with settings from memory only,
        // so environment variables other tests set for the command line cannot redirect it.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Rfm"] = connectionString,
            ["Database:ConnectTimeoutSeconds"] = "0",
        });
        builder.Services.AddLogging();
        builder.Services.AddRfmCore(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
