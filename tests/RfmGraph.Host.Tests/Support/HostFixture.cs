using Microsoft.Extensions.DependencyInjection;
using RfmGraph.Sales.Contracts;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Support;

/// <summary>One PostgreSQL server and one started Host per test class; businesses "acme" and "globex" exist.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();

    public RfmHostFactory Factory { get; private set; } = null!;

    public PostgresFixture Postgres => _postgres;

    public string ConnectionString { get; private set; } = string.Empty;

    public BusinessInfo Acme { get; private set; } = null!;

    public BusinessInfo Globex { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync("host");
        Factory = new RfmHostFactory(ConnectionString);
        _ = Factory.Server; // starts the Host: database, migrations, Quartz
        await using var scope = Factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IBusinessDirectory>();
        Acme = await directory.EnsureAsync("acme", "Acme Retail", "EUR", CancellationToken.None);
        Globex = await directory.EnsureAsync("globex", "Globex Stores", "USD", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
