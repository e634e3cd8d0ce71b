using Microsoft.Extensions.Logging.Abstractions;
using RfmGraph.Platform.Database;
using RfmGraph.Testing;

namespace RfmGraph.Sales.Tests;

[Collection(DatabaseCollection.Name)]
public sealed class MigrationTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Migrations_apply_once_and_a_second_run_is_a_no_op()
    {
        var connectionString = await fixture.CreateDatabaseAsync("migrate");
        var runner = new MigrationRunner(NullLogger<MigrationRunner>.Instance);

        var first = await runner.MigrateAsync(connectionString, [SalesModule.Migrations]);
        var second = await runner.MigrateAsync(connectionString, [SalesModule.Migrations]);

        Assert.Equal(SalesModule.Migrations.Scripts().Count, first);
        Assert.True(first >= 1);
        Assert.Equal(0, second);
        await using var database = await SalesDatabase.CreateAsync(fixture);
        var tables = await database.RowsAsync("""
            SELECT table_name FROM information_schema.tables WHERE table_schema = 'sales' ORDER BY table_name
            """);
        Assert.Equal(["businesses", "counted_sales", "customer_directory", "customers", "payments", "sale_items", "sales", "storefront_directory", "storefronts"], tables);
    }

    [Fact]
    public async Task Counted_sales_excludes_voided_negates_refunds_and_flags_orders()
    {
        await using var database = await SalesDatabase.CreateAsync(fixture);
        await database.ExecuteAsync("""
            INSERT INTO sales.businesses (key, name, currency) VALUES ('shop', 'Shop', 'EUR');
            INSERT INTO sales.storefronts (business_id, code, name) VALUES (1, 'main', 'Main');
            INSERT INTO sales.customers (business_id, external_id, created_at) VALUES (1, 'c1', '2025-01-01Z');
            INSERT INTO sales.sales (business_id, storefront_id, customer_id, external_id, ordered_at, status, amount, refunded_amount) VALUES
              (1, 1, 1, 's1', '2025-01-02T10:00:00Z', 'completed', 100.00, 0),
              (1, 1, 1, 's2', '2025-01-03T10:00:00Z', 'completed', 50.00, 12.50),
              (1, 1, 1, 's3', '2025-01-04T10:00:00Z', 'refunded', 30.00, 0),
              (1, 1, 1, 's4', '2025-01-05T10:00:00Z', 'voided', 999.99, 0);
            """);

        var rows = await database.RowsAsync("""
            SELECT s.external_id, c.net_amount, c.counts_as_order
            FROM sales.counted_sales c JOIN sales.sales s ON s.id = c.sale_id ORDER BY c.ordered_at
            """);

        Assert.Equal(["s1|100.00|True", "s2|37.50|True", "s3|-30.00|False"], rows);
        Assert.Equal(107.50m, await database.ScalarAsync<decimal>("SELECT sum(net_amount) FROM sales.counted_sales"));
        Assert.Equal(["1|1|c1|NULL"], await database.RowsAsync("SELECT business_id, customer_id, external_id, coalesce(name, 'NULL') FROM sales.customer_directory"));
        Assert.Equal(["1|1|main|Main"], await database.RowsAsync("SELECT business_id, storefront_id, code, name FROM sales.storefront_directory"));
    }
}
