using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RfmGraph.Sales.Contracts;
using RfmGraph.Testing;

namespace RfmGraph.Sales.Tests;

/// <summary>
/// A business's first import attaches its loaded tables as the business's partitions. Replacing an existing
/// partition would need DETACH, whose ACCESS EXCLUSIVE lock on sales.sales / sales.customers waits for every
/// running query of every business — so a first import must not detach anything.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ImportLockingTests(PostgresFixture fixture)
{
    [Fact]
    public async Task A_first_import_completes_while_another_business_reads_sales_and_customers()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var first = new CsvFile("sale_id,customer_id,ordered_at,amount", "S1,C1,2025-03-01T10:00:00Z,10.00");
        using var second = new CsvFile("sale_id,customer_id,ordered_at,amount", "S1,C9,2025-03-02T10:00:00Z,20.00", "S2,C8,2025-03-03T10:00:00Z,30.00");
        await using var services = db.Services();
        var importer = services.GetRequiredService<ISalesImporter>();
        Assert.True((await importer.ImportCsvAsync(first.Path, "reader-shop", null, CancellationToken.None)).Succeeded);

        // A long-running reader of another business: its transaction holds ACCESS SHARE locks on both
        // partitioned tables until it ends, as a scoring run's compute statement does.
        await using var reader = await db.DataSource.OpenConnectionAsync();
        await using var readerTransaction = await reader.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand("SELECT (SELECT count(*) FROM sales.sales), (SELECT count(*) FROM sales.customers)", reader, readerTransaction))
        {
            await read.ExecuteNonQueryAsync();
        }

        // Bounds a failure only: with a DETACH the import would wait for the reader for ever.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await importer.ImportCsvAsync(second.Path, "new-shop", null, deadline.Token);

        Assert.True(result.Succeeded);
        await readerTransaction.CommitAsync();
        Assert.Equal(
            ["new-shop|C8|S2|30.00", "new-shop|C9|S1|20.00", "reader-shop|C1|S1|10.00"],
            await db.RowsAsync("""
                SELECT b.key, c.external_id, s.external_id, s.amount
                FROM sales.sales s JOIN sales.customers c ON c.business_id = s.business_id AND c.id = s.customer_id
                JOIN sales.businesses b ON b.id = s.business_id
                ORDER BY 1, 2
                """));
    }
}
