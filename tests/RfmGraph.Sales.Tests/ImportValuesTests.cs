using Microsoft.Extensions.DependencyInjection;
using RfmGraph.Sales.Contracts;
using RfmGraph.Testing;

namespace RfmGraph.Sales.Tests;

/// <summary>
/// The import writes PostgreSQL's binary COPY format itself (numeric digit groups, timestamps as
/// microseconds since 2000) and resolves customer ids in the client: these pin the stored values.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ImportValuesTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Amounts_are_stored_exactly_across_the_numeric_range()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        string[] amounts = ["0", "0.00", "0.01", "0.5", "1", "7.10", "100", "10000", "10000.01", "12345678.9", "99999999.99", "100000000", "123456789012.34", "9999999999999999.99"];
        using var file = new CsvFile(["sale_id,customer_id,ordered_at,amount", .. amounts.Select((a, i) => $"S{i:D2},C1,2025-03-01T10:00:00Z,{a}")]);

        var result = await Import(db, file);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(
            ["0.00", "0.00", "0.01", "0.50", "1.00", "7.10", "100.00", "10000.00", "10000.01", "12345678.90", "99999999.99", "100000000.00", "123456789012.34", "9999999999999999.99"],
            await db.RowsAsync("SELECT amount::text FROM sales.sales ORDER BY external_id"));
    }

    [Fact]
    public async Task Timestamps_keep_microseconds_before_and_after_2000()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var file = new CsvFile(
            "sale_id,customer_id,ordered_at,amount",
            "S1,C1,1999-12-31T23:59:59.5Z,1",
            "S2,C1,2000-01-01T00:00:00Z,1",
            "S3,C1,2025-06-30T23:59:59.123456+02:00,1",
            "S4,C1,1970-01-01T00:00:00.000001Z,1");

        var result = await Import(db, file);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(
            ["S1|1999-12-31 23:59:59.5", "S2|2000-01-01 00:00:00", "S3|2025-06-30 21:59:59.123456", "S4|1970-01-01 00:00:00.000001"],
            await db.RowsAsync("SELECT external_id, (ordered_at AT TIME ZONE 'UTC')::text FROM sales.sales ORDER BY external_id"));
        Assert.Equal(["C1|1970-01-01 00:00:00.000001"], await db.RowsAsync("SELECT external_id, (created_at AT TIME ZONE 'UTC')::text FROM sales.customers"));
    }

    [Fact]
    public async Task Invalid_utf8_is_reported_with_line_and_column_and_nothing_is_written()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        byte[] invalid = [0xC3, 0x28];
        using var file = CsvFile.Bytes([
            .. "sale_id,customer_id,ordered_at,amount,customer_name\nS1,C1,2025-03-01T10:00:00Z,1,Ana\nS2,C2,2025-03-01T10:00:00Z,1,Bad "u8,
            .. invalid,
            .. " name\n"u8]);

        var result = await Import(db, file);

        Assert.False(result.Succeeded);
        Assert.Equal(new SalesImportError(3, "customer_name", "not valid UTF-8 text"), Assert.Single(result.Errors));
        Assert.Equal(0L, await db.CountAsync("sales.businesses"));
        Assert.Equal(0L, await db.CountAsync("sales.customers"));
    }

    [Fact]
    public async Task First_sales_of_a_business_reuse_its_existing_customers_and_storefronts()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        await db.ExecuteAsync("""
            INSERT INTO sales.businesses (key, name, currency) VALUES ('shop', 'Shop', 'EUR');
            INSERT INTO sales.customers (business_id, external_id, name, email, created_at)
            SELECT id, 'C1', 'Old Name', 'old@example.com', '2020-01-01T00:00:00Z' FROM sales.businesses;
            INSERT INTO sales.storefronts (business_id, code, name) SELECT id, 'downtown', 'Downtown' FROM sales.businesses;
            """);
        var customerId = await db.ScalarAsync<long>("SELECT id FROM sales.customers");
        var storefrontId = await db.ScalarAsync<long>("SELECT id FROM sales.storefronts");
        using var file = new CsvFile(
            "sale_id,customer_id,ordered_at,amount,storefront,customer_name",
            "S1,C1,2025-03-01T10:00:00Z,1,downtown,New Name",
            "S2,C2,2025-03-02T10:00:00Z,2,airport,",
            "S3,C1,2025-03-03T10:00:00Z,3,downtown,");

        var result = await Import(db, file);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((3L, 1L, 1L), (result.SalesInserted, result.CustomersCreated, result.StorefrontsCreated));
        Assert.Equal(
            [$"C1|{customerId}|New Name|old@example.com|2020-01-01 00:00:00", "C2|new|NULL|NULL|2025-03-02 10:00:00"],
            await db.RowsAsync($"SELECT external_id, CASE WHEN id = {customerId} THEN id::text ELSE 'new' END, coalesce(name, 'NULL'), coalesce(email, 'NULL'), (created_at AT TIME ZONE 'UTC')::text FROM sales.customers ORDER BY external_id"));
        Assert.Equal(
            [$"S1|{customerId}|{storefrontId}", $"S3|{customerId}|{storefrontId}"],
            await db.RowsAsync($"SELECT external_id, customer_id, storefront_id FROM sales.sales WHERE customer_id = {customerId} ORDER BY external_id"));
        Assert.Equal(
            ["S2|C2|airport"],
            await db.RowsAsync("SELECT s.external_id, c.external_id, f.code FROM sales.sales s JOIN sales.customers c ON c.id = s.customer_id JOIN sales.storefronts f ON f.id = s.storefront_id WHERE s.external_id = 'S2'"));
    }

    [Fact]
    public async Task A_customer_named_differently_on_several_rows_keeps_the_greatest_name_and_earliest_order()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var file = new CsvFile(
            "sale_id,customer_id,ordered_at,amount,customer_name,customer_email",
            "S1,C1,2025-03-05T10:00:00Z,1,Ana B,",
            "S2,C1,2025-03-01T10:00:00Z,1,Ana A,b@example.com",
            "S3,C1,2025-03-09T10:00:00Z,1,,a@example.com",
            "S4,C1,2025-03-02T10:00:00Z,1,Ánа,");

        var result = await Import(db, file);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(["Ánа|b@example.com|2025-03-01 10:00:00"], await db.RowsAsync("SELECT name, email, (created_at AT TIME ZONE 'UTC')::text FROM sales.customers"));
    }

    private static async Task<SalesImportResult> Import(SalesDatabase db, CsvFile file)
    {
        await using var services = db.Services();
        return await services.GetRequiredService<ISalesImporter>().ImportCsvAsync(file.Path, "shop", null, CancellationToken.None);
    }
}
