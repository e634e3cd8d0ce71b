using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RfmGraph.Platform;
using RfmGraph.Platform.Database;
using RfmGraph.Reporting;
using RfmGraph.Sales;
using RfmGraph.Scoring;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Acceptance;

/// <summary>
/// Issue 2, items 3 and 11, with the real modules (the Platform tests use a test module): every module's
/// scripts, Quartz's tables included, applied by several runners at once on an empty database, each script
/// exactly once; a later run applies nothing.
/// </summary>
public sealed class AcceptanceMigrationsTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly ModuleMigrations[] Modules =
        [PlatformModule.Migrations, SalesModule.Migrations, ScoringModule.Migrations, ReportingModule.Migrations];

    [Fact]
    public async Task Three_runners_at_once_apply_every_real_script_once_and_a_later_run_applies_nothing()
    {
        var database = await postgres.CreateDatabaseAsync("accept_migrate");
        var scripts = Modules.Sum(m => m.Scripts().Count);
        using var start = new ManualResetEventSlim();
        var runners = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(database, Modules);
        })).ToArray();
        start.Set();

        var applied = await Task.WhenAll(runners);
        var again = await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(database, Modules);

        Assert.Equal(scripts, applied.Sum());
        Assert.Equal(0, again);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        Assert.Equal(
            Modules.SelectMany(m => m.Scripts().Select(s => $"{m.Module}/{s.Version}")).Order(StringComparer.Ordinal).ToList(),
            (await RowsAsync(connection, "SELECT module || '/' || version FROM platform.schema_migrations")).Order(StringComparer.Ordinal).ToList());
        var schemas = await RowsAsync(connection, "SELECT nspname FROM pg_namespace WHERE nspname IN ('platform', 'quartz', 'sales', 'scoring', 'reporting') ORDER BY 1");
        Assert.Contains("platform", schemas);
        Assert.Contains("quartz", schemas);
        Assert.Contains("sales", schemas);
        Assert.Contains("scoring", schemas);
        // Each module's tables are in its own schema: none of Sales' or Scoring's in public.
        Assert.Empty(await RowsAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"));
        Assert.True(await MigrationRunner.IsUpToDateAsync(connection, Modules, CancellationToken.None));
    }

    private static async Task<List<string>> RowsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
