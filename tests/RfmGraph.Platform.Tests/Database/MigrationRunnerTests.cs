using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RfmGraph.Platform.Database;
using RfmGraph.Testing;

namespace RfmGraph.Platform.Tests.Database;

public sealed class MigrationRunnerTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly ModuleMigrations Widgets = new("widgets", typeof(MigrationRunnerTests).Assembly, Order: 50);
    private static readonly ModuleMigrations[] Modules = [Widgets, PlatformModule.Migrations];

    private static int ScriptCount => Modules.Sum(m => m.Scripts().Count);

    [Fact]
    public void Scripts_are_found_in_number_order()
    {
        Assert.Equal([(1, "widgets"), (2, "widget_colour")], Widgets.Scripts().Select(s => (s.Version, s.Name)));
        Assert.Equal([(1, "api_keys"), (2, "quartz_job_store")], PlatformModule.Migrations.Scripts().Select(s => (s.Version, s.Name)));
    }

    [Fact]
    public async Task A_second_run_applies_nothing()
    {
        var database = await postgres.CreateDatabaseAsync("migrate_twice");
        var runner = new MigrationRunner(NullLogger<MigrationRunner>.Instance);

        Assert.Equal(ScriptCount, await runner.MigrateAsync(database, Modules));
        Assert.Equal(0, await runner.MigrateAsync(database, Modules));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        Assert.Equal(ScriptCount, await ScalarAsync<long>(connection, "SELECT count(*) FROM platform.schema_migrations"));
        Assert.Equal(1, await ScalarAsync<long>(connection, "SELECT count(*) FROM widgets.widgets"));
        Assert.True(await MigrationRunner.IsUpToDateAsync(connection, Modules, CancellationToken.None));
    }

    [Fact]
    public async Task Modules_migrate_in_their_order()
    {
        var database = await postgres.CreateDatabaseAsync("migrate_order");
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(database, Modules);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var order = new List<string>();
        await using var command = new NpgsqlCommand("SELECT module || '/' || version FROM platform.schema_migrations ORDER BY applied_at, module, version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            order.Add(reader.GetString(0));
        }

        Assert.Equal(["platform/1", "platform/2", "widgets/1", "widgets/2"], order);
    }

    [Fact]
    public async Task Four_instances_starting_at_once_apply_each_script_exactly_once()
    {
        var database = await postgres.CreateDatabaseAsync("migrate_concurrent");
        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(database, Modules);
        })).ToArray();
        start.Set();
        var applied = await Task.WhenAll(runs);

        // Exactly one instance did the work; the others waited on the lock and found nothing to do.
        Assert.Equal(ScriptCount, applied.Sum());
        Assert.Single(applied, a => a == ScriptCount);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        Assert.Equal(ScriptCount, await ScalarAsync<long>(connection, "SELECT count(DISTINCT (module, version)) FROM platform.schema_migrations"));
        Assert.Equal(1, await ScalarAsync<long>(connection, "SELECT count(*) FROM widgets.widgets"));
        Assert.Equal(15, await ScalarAsync<long>(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'quartz'"));
    }

    [Fact]
    public async Task A_changed_script_is_refused()
    {
        var database = await postgres.CreateDatabaseAsync("migrate_changed");
        var runner = new MigrationRunner(NullLogger<MigrationRunner>.Instance);
        await runner.MigrateAsync(database, Modules);

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand("UPDATE platform.schema_migrations SET checksum = 'edited' WHERE module = 'widgets' AND version = 2", connection);
            await tamper.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.MigrateAsync(database, Modules));
        Assert.Equal("Migration widgets/0002_widget_colour was changed after it was applied; add a new migration instead.", error.Message);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
