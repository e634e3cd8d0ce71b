using System.Net;
using System.Text.Json;
using RfmGraph.Host.Tests.Support;

namespace RfmGraph.Host.Tests.Web;

public sealed class HealthTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Health_needs_no_credentials_and_reports_a_reachable_migrated_database()
    {
        using var client = host.Factory.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            """{"status":"healthy","database":{"reachable":true,"migrationsApplied":true,"embedded":false,"error":null}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_is_503_when_migrations_are_missing()
    {
        var database = await host.Postgres.CreateDatabaseAsync("unmigrated");
        await using var factory = new RfmHostFactory(database, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Jobs:Enabled"] = "false",
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.False(body.RootElement.GetProperty("database").GetProperty("migrationsApplied").GetBoolean());
    }

    [Fact]
    public async Task Health_is_503_and_not_reachable_once_the_database_is_gone()
    {
        var database = await host.Postgres.CreateDatabaseAsync("vanishing");
        await using var factory = new RfmHostFactory(database, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
        using var client = factory.CreateClient();
        using (var healthy = await client.GetAsync("/health"))
        {
            // Leaves an idle connection in the Host's pool.
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        var name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database;
        await using (var admin = new Npgsql.NpgsqlConnection(host.Postgres.Server.ConnectionStringFor("postgres")))
        {
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.False(body.RootElement.GetProperty("database").GetProperty("migrationsApplied").GetBoolean());
        Assert.NotNull(body.RootElement.GetProperty("database").GetProperty("error").GetString());
    }

    [Fact]
    public async Task Start_up_migrates_one_schema_per_module_and_one_for_quartz()
    {
        await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace WHERE nspname IN ('platform', 'quartz', 'reporting', 'sales', 'scoring')",
            connection);

        Assert.Equal("platform,quartz,reporting,sales,scoring", await command.ExecuteScalarAsync());
    }
}
