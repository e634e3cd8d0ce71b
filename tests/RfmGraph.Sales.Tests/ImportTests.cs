using Microsoft.Extensions.DependencyInjection;
using RfmGraph.Sales.Contracts;
using RfmGraph.Testing;

namespace RfmGraph.Sales.Tests;

[Collection(DatabaseCollection.Name)]
public sealed class ImportTests(PostgresFixture fixture)
{
    private const string Header = "sale_id,customer_id,ordered_at,amount,storefront,status,customer_name,customer_email,currency";

    [Fact]
    public async Task Imports_every_row_with_exact_values()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var file = new CsvFile(
            Header,
            "S1,C1,2025-03-01T10:00:00Z,100.00,downtown,completed,Ana Silva,ana@example.com,EUR",
            "S2,C1,2025-03-05T09:30:00+02:00,45.5,downtown,,Ana Silva,,",
            "S3,C2,2025-03-06 12:00:00.250-05:00,19.99,\"Mall, North\",refunded,\"Bo \"\"B\"\" Lee\",bo@example.com,eur",
            "S4,C3,2025-03-07T08:00Z,7,,voided,,,");

        var result = await Import(db, file, "shop");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((4L, 4L, 0L, 3L, 3L), (result.RowsRead, result.SalesInserted, result.SalesUpdated, result.CustomersCreated, result.StorefrontsCreated));
        Assert.Empty(result.Errors);
        Assert.Equal(["shop|shop|EUR"], await db.RowsAsync("SELECT key, name, currency FROM sales.businesses"));
        Assert.Equal(["Mall, North", "downtown", "main"], await db.RowsAsync("SELECT code FROM sales.storefronts ORDER BY code"));
        Assert.Equal(
            [
                "C1|Ana Silva|ana@example.com|2025-03-01T10:00:00Z",
                "C2|Bo \"B\" Lee|bo@example.com|2025-03-06T17:00:00.25Z",
                "C3|NULL|NULL|2025-03-07T08:00:00Z",
            ],
            await db.RowsAsync("""
                SELECT external_id, coalesce(name, 'NULL'), coalesce(email, 'NULL'), to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || CASE WHEN extract(milliseconds FROM created_at)::int % 1000 = 250 THEN '.25' ELSE '' END || 'Z'
                FROM sales.customers ORDER BY external_id
                """));
        Assert.Equal(
            [
                "S1|C1|downtown|2025-03-01 10:00:00|completed|100.00|EUR",
                "S2|C1|downtown|2025-03-05 07:30:00|completed|45.50|EUR",
                "S3|C2|Mall, North|2025-03-06 17:00:00.25|refunded|19.99|EUR",
                "S4|C3|main|2025-03-07 08:00:00|voided|7.00|EUR",
            ],
            await db.RowsAsync("""
                SELECT s.external_id, c.external_id, f.code, (s.ordered_at AT TIME ZONE 'UTC')::text, s.status, s.amount, b.currency
                FROM sales.sales s JOIN sales.customers c ON c.id = s.customer_id JOIN sales.storefronts f ON f.id = s.storefront_id
                JOIN sales.businesses b ON b.id = s.business_id
                ORDER BY s.external_id
                """));
        Assert.Equal(
            ["S1|100.00|True", "S2|45.50|True", "S3|-19.99|False"],
            await db.RowsAsync("SELECT s.external_id, v.net_amount, v.counts_as_order FROM sales.counted_sales v JOIN sales.sales s ON s.id = v.sale_id ORDER BY 1"));
    }

    [Fact]
    public async Task Reimport_updates_changed_rows_and_inserts_new_ones_without_duplicates()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var first = new CsvFile(Header, "S1,C1,2025-03-01T10:00:00Z,100.00,a,completed,Ana,,", "S2,C2,2025-03-02T10:00:00Z,20.00,a,completed,Bo,,");
        using var second = new CsvFile(Header, "S1,C1,2025-03-01T10:00:00Z,100.00,a,completed,Ana,,", "S2,C2,2025-03-02T10:00:00Z,25.00,b,refunded,Bo,,", "S3,C3,2025-03-03T10:00:00Z,5.00,a,completed,Cy,,");

        var one = await Import(db, first, "shop");
        var two = await Import(db, second, "shop");
        var three = await Import(db, second, "shop");

        Assert.True(one.Succeeded && two.Succeeded && three.Succeeded);
        Assert.Equal((2L, 0L), (one.SalesInserted, one.SalesUpdated));
        Assert.Equal((1L, 1L, 1L, 1L), (two.SalesInserted, two.SalesUpdated, two.CustomersCreated, two.StorefrontsCreated));
        Assert.Equal((0L, 0L, 0L), (three.SalesInserted, three.SalesUpdated, three.CustomersCreated));
        Assert.Equal(
            ["S1|a|completed|100.00", "S2|b|refunded|25.00", "S3|a|completed|5.00"],
            await db.RowsAsync("SELECT s.external_id, f.code, s.status, s.amount FROM sales.sales s JOIN sales.storefronts f ON f.id = s.storefront_id ORDER BY 1"));
        Assert.Equal(3L, await db.CountAsync("sales.customers"));
    }

    [Theory]
    [InlineData("sale_id,customer_id,ordered_at,storefront", 1L, "amount", "required column is missing from the header")]
    [InlineData("sale_id,customer_id,ordered_at,amount,colour", 1L, "colour", "unknown column")]
    public async Task Header_errors_write_nothing(string header, long line, string column, string reason)
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var file = new CsvFile(header, "S1,C1,2025-03-01T10:00:00Z,1.00,x");

        var result = await Import(db, file, "shop");

        var error = Assert.Single(result.Errors);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
        await AssertNothingWritten(db, result);
    }

    [Theory]
    [InlineData("S2,C1,2025-03-01T10:00:00Z", 3L, "amount", "missing column: the row has 3 fields, the header 4")]
    [InlineData("S2,C1,2025-13-01T10:00:00Z,1.00", 3L, "ordered_at", "not a valid calendar date and time")]
    [InlineData("S2,C1,2025-03-01T10:00:00,1.00", 3L, "ordered_at", "missing UTC offset (add Z or e.g. +02:00)")]
    [InlineData("S2,C1,01/03/2025 10:00,1.00", 3L, "ordered_at", "not an ISO 8601 date and time (expected e.g. 2025-03-01T14:05:00Z)")]
    [InlineData("S2,C1,2025-03-01T10:00:00Z,\"1,50\"", 3L, "amount", "decimal comma; use '.' as the decimal separator (e.g. 123.45)")]
    [InlineData("S2,C1,2025-03-01T10:00:00Z,abc", 3L, "amount", "not a number (expected e.g. 123.45, '.' as decimal separator, no thousands separators)")]
    [InlineData("S2,C1,2025-03-01T10:00:00Z,1.234", 3L, "amount", "more than two decimal places")]
    [InlineData("S2,C1,2025-03-01T10:00:00Z,-5.00", 3L, "amount", "negative amount; record a refund as status refunded with a positive amount")]
    [InlineData(",C1,2025-03-01T10:00:00Z,1.00", 3L, "sale_id", "empty; a value is required")]
    public async Task Row_errors_write_nothing(string badRow, long line, string column, string reason)
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var file = new CsvFile("sale_id,customer_id,ordered_at,amount", "S1,C1,2025-03-01T10:00:00Z,1.00", badRow, "S3,C1,2025-03-02T10:00:00Z,2.00");

        var result = await Import(db, file, "shop");

        Assert.Equal(new SalesImportError(line, column, reason), Assert.Single(result.Errors));
        Assert.Equal(3L, result.RowsRead);
        await AssertNothingWritten(db, result);
    }

    [Fact]
    public async Task Unknown_status_and_currency_mismatch_are_reported_per_row()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var file = new CsvFile(
            "sale_id,customer_id,ordered_at,amount,status,currency",
            "S1,C1,2025-03-01T10:00:00Z,1.00,completed,EUR",
            "S2,C1,2025-03-01T10:00:00Z,1.00,cancelled,EUR",
            "S3,C1,2025-03-01T10:00:00Z,1.00,refunded,USD");

        var result = await Import(db, file, "shop");

        Assert.Equal(
            [
                new SalesImportError(3, "status", "unknown status 'cancelled'; expected completed, refunded or voided"),
                new SalesImportError(4, "currency", "currency USD does not match the business currency EUR"),
            ],
            result.Errors);
        await AssertNothingWritten(db, result);
    }

    [Fact]
    public async Task Duplicate_sale_id_in_one_file_writes_nothing_for_a_new_business()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var file = new CsvFile(Header.Split(",status")[0], "S1,C1,2025-03-01T10:00:00Z,1.00,a", "S2,C2,2025-03-01T10:00:00Z,2.00,b", "S1,C3,2025-03-02T10:00:00Z,3.00,a", "S1,C1,2025-03-03T10:00:00Z,4.00,a");

        var result = await Import(db, file, "shop");

        Assert.Equal(
            [
                new SalesImportError(4, "sale_id", "duplicate sale_id 'S1' (first on line 2)"),
                new SalesImportError(5, "sale_id", "duplicate sale_id 'S1' (first on line 2)"),
            ],
            result.Errors);
        await AssertNothingWritten(db, result);
    }

    [Fact]
    public async Task Failed_import_into_a_business_with_data_leaves_it_unchanged()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var good = new CsvFile("sale_id,customer_id,ordered_at,amount", "S1,C1,2025-03-01T10:00:00Z,1.00");
        using var duplicate = new CsvFile("sale_id,customer_id,ordered_at,amount", "S1,C1,2025-03-01T10:00:00Z,9.00", "S2,C2,2025-03-01T10:00:00Z,2.00", "S2,C2,2025-03-01T10:00:00Z,2.00");
        using var badDate = new CsvFile("sale_id,customer_id,ordered_at,amount", "S1,C1,2025-03-01T10:00:00Z,9.00", "S5,C5,yesterday,2.00");
        Assert.True((await Import(db, good, "shop")).Succeeded);
        var before = await Snapshot(db);

        var dup = await Import(db, duplicate, "shop");
        var bad = await Import(db, badDate, "shop");

        Assert.Equal(new SalesImportError(4, "sale_id", "duplicate sale_id 'S2' (first on line 3)"), Assert.Single(dup.Errors));
        Assert.Equal(3, Assert.Single(bad.Errors).Line);
        Assert.False(dup.Succeeded || bad.Succeeded);
        Assert.Equal(before, await Snapshot(db));
    }

    [Fact]
    public async Task Counts_every_error_but_keeps_the_first_hundred()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        var lines = new List<string> { "sale_id,customer_id,ordered_at,amount" };
        lines.AddRange(Enumerable.Range(1, 250).Select(i => $"S{i},C1,2025-03-01T10:00:00Z,x{i}"));
        using var file = new CsvFile([.. lines]);

        var result = await Import(db, file, "shop");

        Assert.Equal(250L, result.ErrorCount);
        Assert.Equal(100, result.Errors.Count);
        Assert.Equal(101L, result.Errors[^1].Line);
        await AssertNothingWritten(db, result);
    }

    [Fact]
    public async Task Line_numbers_count_line_breaks_inside_quoted_fields_and_crlf_files_work()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var file = CsvFile.Raw(
            "\uFEFFsale_id,customer_id,ordered_at,amount,customer_name\r\n" +
            "S1,C1,2025-03-01T10:00:00Z,1.00,\"two\r\nlines\"\r\n" +
            "\r\n" +
            "S2,C2,2025-03-01T10:00:00Z,oops,Bo\r\n");

        var result = await Import(db, file, "shop");

        Assert.Equal(new SalesImportError(5, "amount", "not a number (expected e.g. 123.45, '.' as decimal separator, no thousands separators)"), Assert.Single(result.Errors));
    }

    [Fact]
    public async Task A_new_business_takes_its_currency_from_the_file_or_the_configured_default()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var withCurrency = new CsvFile("sale_id,customer_id,ordered_at,amount,currency", "S1,C1,2025-03-01T10:00:00Z,1.00,usd");
        using var without = new CsvFile("sale_id,customer_id,ordered_at,amount", "S1,C1,2025-03-01T10:00:00Z,1.00");

        await using var services = db.Services(new Dictionary<string, string?> { ["Sales:DefaultCurrency"] = "GBP" });
        var importer = services.GetRequiredService<ISalesImporter>();
        Assert.True((await importer.ImportCsvAsync(withCurrency.Path, "us-shop", null, CancellationToken.None)).Succeeded);
        Assert.True((await importer.ImportCsvAsync(without.Path, "uk-shop", null, CancellationToken.None)).Succeeded);

        Assert.Equal(["uk-shop|GBP", "us-shop|USD"], await db.RowsAsync("SELECT key, currency FROM sales.businesses ORDER BY key"));
        Assert.Equal(["us-shop|1", "uk-shop|1"], await db.RowsAsync("SELECT b.key, count(*) FROM sales.sales s JOIN sales.businesses b ON b.id = s.business_id GROUP BY b.id, b.key ORDER BY b.id"));
    }

    [Fact]
    public async Task Reports_progress_up_to_the_file_size()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var file = new CsvFile("sale_id,customer_id,ordered_at,amount", "S1,C1,2025-03-01T10:00:00Z,1.00");
        var reports = new List<SalesImportProgress>();
        await using var services = db.Services();

        await services.GetRequiredService<ISalesImporter>().ImportCsvAsync(file.Path, "shop", new SynchronousProgress<SalesImportProgress>(reports.Add), CancellationToken.None);

        var size = new FileInfo(file.Path).Length;
        Assert.Contains(new SalesImportProgress("read", size, size), reports);
        Assert.Equal(new SalesImportProgress("save", 1, 1), reports[^1]);
    }

    private static async Task<SalesImportResult> Import(SalesDatabase db, CsvFile file, string business)
    {
        await using var services = db.Services();
        return await services.GetRequiredService<ISalesImporter>().ImportCsvAsync(file.Path, business, null, CancellationToken.None);
    }

    private static async Task AssertNothingWritten(SalesDatabase db, SalesImportResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Equal((0L, 0L, 0L), (result.SalesInserted, result.SalesUpdated, result.CustomersCreated));
        Assert.Equal(0L, await db.CountAsync("sales.businesses"));
        Assert.Equal(0L, await db.CountAsync("sales.storefronts"));
        Assert.Equal(0L, await db.CountAsync("sales.customers"));
        Assert.Equal(0L, await db.CountAsync("sales.sales"));
    }

    private static async Task<List<string>> Snapshot(SalesDatabase db) =>
        await db.RowsAsync("""
            SELECT 'sale', external_id, amount::text FROM sales.sales
            UNION ALL SELECT 'customer', external_id, name FROM sales.customers
            UNION ALL SELECT 'storefront', code, name FROM sales.storefronts
            UNION ALL SELECT 'business', key, currency FROM sales.businesses
            ORDER BY 1, 2
            """);
}
