using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Sales.Contracts;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Web;

public sealed class DemoDataOnStartTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Demo:SeedOnEmptyDatabase"] = "true",
        ["Demo:Customers"] = "60",
        ["Demo:Seed"] = "11",
        ["Demo:BusinessKey"] = "demo",
        ["Jobs:Enabled"] = "false",
    };

    [Fact]
    public async Task Two_hosts_starting_together_on_an_empty_database_load_the_demo_data_once()
    {
        var database = await postgres.CreateDatabaseAsync("demo_on_start");
        await using var first = new RfmHostFactory(database, Settings);
        await using var second = new RfmHostFactory(database, Settings);

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM sales.businesses), (SELECT count(*) FROM sales.customers c JOIN sales.businesses b ON b.id = c.business_id WHERE b.key = 'demo')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((1L, 60L), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    [Fact]
    public async Task A_database_that_has_a_business_gets_no_demo_data()
    {
        var database = await postgres.CreateDatabaseAsync("demo_not_empty");
        await using (var setup = new RfmHostFactory(database, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" }))
        {
            await using var scope = setup.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IBusinessDirectory>().EnsureAsync("acme", "Acme", "EUR", CancellationToken.None);
        }

        await using var factory = new RfmHostFactory(database, Settings);
        _ = factory.Server;

        await using var check = factory.Services.CreateAsyncScope();
        Assert.Null(await check.ServiceProvider.GetRequiredService<IBusinessDirectory>().FindByKeyAsync("demo", CancellationToken.None));
    }
}
