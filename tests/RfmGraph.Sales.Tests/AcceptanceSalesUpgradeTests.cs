using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Sales.Contracts;
using RfmGraph.Testing;

namespace RfmGraph.Sales.Tests;

/// <summary>
/// Issue 2, items 3 and 4, on a database that already holds data: migrations 0005 (a sale's currency is its
/// business's) and 0006 (customers partitioned by business) rewrite tables that may have rows. Applied to a
/// database at 0004 with two businesses' data, they keep every row and id, move each business's customers into its
/// own partition, leave the read contract giving the same amounts, and (with the later scripts) new rows continue
/// after the old ids.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class AcceptanceSalesUpgradeTests(PostgresFixture fixture)
{
    private const string CustomerRows = "SELECT id, business_id, external_id, coalesce(name, '-'), coalesce(email, '-') FROM sales.customers ORDER BY id";

    private const string ContractRows = """
        SELECT business_id, storefront_id, customer_id, sale_id, ordered_at AT TIME ZONE 'UTC', net_amount, counts_as_order
        FROM sales.counted_sales ORDER BY sale_id
        """;

    [Fact]
    public async Task Migrations_5_and_6_keep_existing_rows_ids_and_contract_and_partition_customers_by_business()
    {
        var connectionString = await fixture.CreateDatabaseAsync("sales_upgrade");
        var scripts = SalesModule.Migrations.Scripts();
        Assert.Equal([1, 2, 3, 4, 5, 6], scripts.Select(s => s.Version).Take(6));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var script in scripts.Where(s => s.Version <= 4))
        {
            await ExecuteAsync(connection, script.Sql);
        }

        await ExecuteAsync(connection, """
            INSERT INTO sales.businesses (key, name, currency) VALUES ('alpha', 'Alpha', 'EUR'), ('beta', 'Beta', 'USD');
            SELECT sales.ensure_sales_partition(id) FROM sales.businesses;
            INSERT INTO sales.storefronts (business_id, code, name) VALUES (1, 'main', 'Main'), (2, 'web', 'Web');
            INSERT INTO sales.customers (business_id, external_id, name, email, created_at) VALUES
              (1, 'a-1', 'Ana', 'ana@example.com', '2025-01-01Z'), (2, 'b-1', NULL, NULL, '2025-01-02Z'), (1, 'a-2', 'Al', NULL, '2025-01-03Z');
            INSERT INTO sales.sales (business_id, storefront_id, customer_id, external_id, ordered_at, status, amount, refunded_amount, currency) VALUES
              (1, 1, 1, 's1', '2025-02-01T10:00:00Z', 'completed', 100.00, 10.00, 'EUR'),
              (2, 2, 2, 's1', '2025-02-02T10:00:00Z', 'refunded', 40.00, 0, 'USD'),
              (1, 1, 3, 's2', '2025-02-03T10:00:00Z', 'voided', 5.00, 0, 'EUR'),
              (1, 1, 3, 's3', '2025-02-04T10:00:00Z', 'completed', 7.50, 0, 'EUR');
            """);
        var customersBefore = await RowsAsync(connection, CustomerRows);
        var contractBefore = await RowsAsync(connection, ContractRows);

        foreach (var script in scripts.Where(s => s.Version is 5 or 6))
        {
            await ExecuteAsync(connection, script.Sql);
        }

        Assert.Equal(["1|1|a-1|Ana|ana@example.com", "2|2|b-1|-|-", "3|1|a-2|Al|-"], customersBefore);
        Assert.Equal(customersBefore, await RowsAsync(connection, CustomerRows));
        Assert.Equal(contractBefore, await RowsAsync(connection, ContractRows));
        Assert.Equal(["1|1|1|1|90.00|True", "2|2|2|2|-40.00|False", "1|1|3|4|7.50|True"], await RowsAsync(connection, """
            SELECT business_id, storefront_id, customer_id, sale_id, net_amount, counts_as_order FROM sales.counted_sales ORDER BY sale_id
            """));
        Assert.Equal(
            ["sales.customers_b1|2", "sales.customers_b2|1"],
            await RowsAsync(connection, "SELECT tableoid::regclass::text, count(*) FROM sales.customers GROUP BY 1 ORDER BY 1"));
        Assert.Equal(["0"], await RowsAsync(connection, "SELECT count(*) FROM ONLY sales.customers"));
        Assert.Equal(["0"], await RowsAsync(connection, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'sales' AND table_name = 'sales' AND column_name = 'currency'"));

        // Then the later scripts; a business imported afterwards gets both partitions and new customers continue the ids.
        foreach (var script in scripts.Where(s => s.Version > 6))
        {
            await ExecuteAsync(connection, script.Sql);
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var services = new ServiceCollection().AddLogging().AddSingleton(dataSource)
            .AddScoped<TenantContext>().AddScoped<ITenantContext>(p => p.GetRequiredService<TenantContext>())
            .AddSalesModule(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).BuildServiceProvider();
        using var file = new CsvFile("sale_id,customer_id,ordered_at,amount", "s1,g-1,2025-03-01T10:00:00Z,12.00", "s2,g-2,2025-03-02T10:00:00Z,3.00");
        var result = await services.GetRequiredService<ISalesImporter>().ImportCsvAsync(file.Path, "gamma", null, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(
            ["3|g-1|True", "3|g-2|True"],
            await RowsAsync(connection, "SELECT business_id, external_id, id > 3 FROM sales.customers WHERE business_id = 3 ORDER BY external_id"));
        Assert.Equal(["5"], await RowsAsync(connection, "SELECT count(DISTINCT id) FROM sales.customers"));
        Assert.Equal(["sales.customers_b3|2", "sales.sales_b3|2"], await RowsAsync(connection, """
            SELECT tableoid::regclass::text, count(*) FROM sales.customers WHERE business_id = 3 GROUP BY 1
            UNION ALL SELECT tableoid::regclass::text, count(*) FROM sales.sales WHERE business_id = 3 GROUP BY 1 ORDER BY 1
            """));
        Assert.Equal(["1|USD"], await RowsAsync(connection, "SELECT count(*), min(b.currency) FROM sales.sales s JOIN sales.businesses b ON b.id = s.business_id WHERE b.key = 'beta' GROUP BY b.id"));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task<List<string>> RowsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
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
}
