using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RfmGraph.Platform.Database;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Testing;

namespace RfmGraph.Sales.Tests;

/// <summary>A fresh, migrated database for one test, with small helpers to read it back.</summary>
internal sealed class SalesDatabase : IAsyncDisposable
{
    private SalesDatabase(string connectionString, NpgsqlDataSource dataSource)
    {
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<SalesDatabase> CreateAsync(PostgresFixture fixture)
    {
        var connectionString = await fixture.CreateDatabaseAsync("sales");
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(connectionString, [SalesModule.Migrations]);
        return new SalesDatabase(connectionString, NpgsqlDataSource.Create(connectionString));
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of a query as tab-joined text, for exact comparisons.</summary>
    public async Task<List<string>> RowsAsync(string sql)
    {
        var rows = new List<string>();
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(string.Join('|', values));
        }

        return rows;
    }

    /// <summary>The module as the Host wires it: AddSalesModule over this database's data source.</summary>
    public ServiceProvider Services(IDictionary<string, string?>? settings = null) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(DataSource)
            .AddScoped<TenantContext>()
            .AddScoped<ITenantContext>(p => p.GetRequiredService<TenantContext>())
            .AddSalesModule(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build())
            .BuildServiceProvider(validateScopes: true);

    public async Task<long> CountAsync(string table) => await ScalarAsync<long>($"SELECT count(*) FROM {table}");

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
