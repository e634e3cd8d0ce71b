using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace RfmGraph.Host.Tests.Api;

/// <summary>Every class of invalid input is answered with userErrors, and nothing is written.</summary>
[Collection(ApiCollection.Name)]
public sealed class UserErrorTests(ApiFixture api)
{
    private const string RecordSale = """
        mutation($input: RecordSaleInput!) { recordSale(input: $input) { sale { id } userErrors { field message code } } }
        """;

    [Theory]
    [InlineData("negative-amount", "NEGATIVE_AMOUNT", "amount")]
    [InlineData("too-many-decimals", "AMOUNT_PRECISION", "amount")]
    [InlineData("refund-above-amount", "REFUND_EXCEEDS_AMOUNT", "refundedAmount")]
    [InlineData("bad-currency", "INVALID_CURRENCY", "currency")]
    [InlineData("other-currency", "CURRENCY_MISMATCH", "currency")]
    [InlineData("unknown-storefront", "STOREFRONT_NOT_FOUND", "storefrontId")]
    [InlineData("unknown-customer", "CUSTOMER_NOT_FOUND", "customerId")]
    [InlineData("unknown-customer-external-id", "CUSTOMER_NOT_FOUND", "customerExternalId")]
    [InlineData("duplicate-sale", "DUPLICATE_SALE", "externalId")]
    [InlineData("bad-item-quantity", "INVALID_QUANTITY", "items.0.quantity")]
    public async Task RecordSale_rejects_invalid_input_and_writes_nothing(string kind, string code, string field)
    {
        await api.Scenario.EnsureAsync();
        var sale = new Dictionary<string, object?>
        {
            ["externalId"] = "E-" + kind,
            ["customerId"] = api.Scenario.CustomerIds["C6"],
            ["storefrontId"] = api.Scenario.MainStorefrontId,
            ["orderedAt"] = "2026-06-01T10:00:00Z",
            ["amount"] = "10.00",
            ["items"] = new[] { new Dictionary<string, object?> { ["sku"] = "SKU-1", ["quantity"] = "1", ["unitPrice"] = "10.00" } },
        };
        switch (kind)
        {
            case "negative-amount": sale["amount"] = "-5"; break;
            case "too-many-decimals": sale["amount"] = "1.005"; break;
            case "refund-above-amount": sale["refundedAmount"] = "11"; break;
            case "bad-currency": sale["currency"] = "eur"; break;
            case "other-currency": sale["currency"] = "USD"; break;
            case "unknown-storefront": sale["storefrontId"] = "999999"; break;
            case "unknown-customer": sale["customerId"] = "Q3VzdG9tZXI6OTk5OTk5"; break; // "Customer:999999"
            case "unknown-customer-external-id": sale.Remove("customerId"); sale["customerExternalId"] = "NOPE"; break;
            case "duplicate-sale": sale["externalId"] = "S1"; break;
            case "bad-item-quantity": sale["items"] = new[] { new Dictionary<string, object?> { ["sku"] = "SKU-1", ["quantity"] = "0", ["unitPrice"] = "10.00" } }; break;
        }

        var (salesBefore, itemsBefore) = await CountsAsync();
        var payload = (await api.DataAsync(api.Acme, RecordSale, new { input = sale })).GetProperty("recordSale");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("sale").ValueKind);
        var error = Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(field, string.Join('.', error.GetProperty("field").EnumerateArray().Select(f => f.GetString())));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal((salesBefore, itemsBefore), await CountsAsync());
    }

    [Fact]
    public async Task CreateStorefront_and_upsertCustomer_reject_invalid_input()
    {
        await api.Scenario.EnsureAsync();

        var data = await api.DataAsync(api.Acme, """
            mutation {
              duplicate: createStorefront(input: { code: "main", name: "Again" }) { storefront { id } userErrors { field code } }
              empty: createStorefront(input: { code: "", name: "No code" }) { storefront { id } userErrors { field code } }
              email: upsertCustomer(input: { externalId: "C9", email: "not-an-email" }) { customer { id } userErrors { field code } }
              noId: upsertCustomer(input: { externalId: "" }) { customer { id } userErrors { field code } }
            }
            """);

        Assert.Equal("DUPLICATE_STOREFRONT_CODE", data.GetProperty("duplicate").GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal("REQUIRED", data.GetProperty("empty").GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal("INVALID_EMAIL", data.GetProperty("email").GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal("REQUIRED", data.GetProperty("noId").GetProperty("userErrors")[0].GetProperty("code").GetString());
        var counts = await api.DataAsync(api.Acme, "{ customers { totalCount } storefronts { code } }");
        Assert.Equal(6, counts.GetProperty("customers").GetProperty("totalCount").GetInt32());
        Assert.Equal(1, counts.GetProperty("storefronts").GetArrayLength());
    }

    [Fact]
    public async Task UpsertCustomer_updates_only_the_given_fields()
    {
        await api.Scenario.EnsureAsync();

        var data = await api.DataAsync(api.Globex, """
            mutation {
              a: upsertCustomer(input: { externalId: "G-UP", name: "Gina", email: "gina@example.com" }) { created customer { name email } }
              b: upsertCustomer(input: { externalId: "G-UP", email: "gina@globex.test" }) { created customer { name email } }
            }
            """);

        Assert.True(data.GetProperty("a").GetProperty("created").GetBoolean());
        Assert.False(data.GetProperty("b").GetProperty("created").GetBoolean());
        Assert.Equal("Gina", data.GetProperty("b").GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal("gina@globex.test", data.GetProperty("b").GetProperty("customer").GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("""{ "bins": 11, "scheme": "simple3" }""", "bins")]
    [InlineData("""{ "scheme": "no-such-scheme" }""", "scheme")]
    [InlineData("""{ "storefrontId": "424242" }""", "storefrontId")]
    [InlineData("""{ "method": "FIXED_THRESHOLDS", "bins": 3, "scheme": "simple3" }""", "thresholds")]
    [InlineData("""{ "bins": 3, "scheme": "simple3", "days": 30, "from": "2026-01-01T00:00:00Z" }""", "")]
    public async Task RequestRfmRecalculation_rejects_invalid_input_and_queues_nothing(string input, string field)
    {
        await api.Scenario.EnsureAsync();
        var before = await RunCountAsync();

        var payload = (await api.DataAsync(api.Acme, AcmeScenario.RequestRun, new { input = System.Text.Json.JsonDocument.Parse(input).RootElement }))
            .GetProperty("requestRfmRecalculation");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("run").ValueKind);
        var errors = payload.GetProperty("userErrors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        if (field.Length > 0)
        {
            Assert.Contains(errors, e => e.GetProperty("field")[0].GetString() == field);
        }

        Assert.Equal(before, await RunCountAsync());
    }

    [Fact]
    public async Task DefineSegmentScheme_rejects_invalid_definitions_and_stores_a_new_version_otherwise()
    {
        await api.Scenario.EnsureAsync();

        var invalid = await api.DataAsync(api.Acme, """
            mutation { defineSegmentScheme(input: { key: "pos8", name: "", bins: 3, fallback: { name: "O", code: "O" },
              rules: [{ name: "A", code: "A", r: { min: 3, max: 1 }, f: { min: 1, max: 3 }, m: { min: 1, max: 3 } }] }) {
              scheme { id } userErrors { field code } } }
            """);
        var errors = invalid.GetProperty("defineSegmentScheme").GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Contains("RESERVED_KEY", errors);
        Assert.Contains("REQUIRED", errors);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, invalid.GetProperty("defineSegmentScheme").GetProperty("scheme").ValueKind);

        // simple3 v1 is used by runs: defining it again with other content creates version 2, v1 stays as it was.
        var again = await api.DataAsync(api.Acme, AcmeScenario.DefineSimple3.Replace("Simple three", "Simple three, renamed", StringComparison.Ordinal));
        Assert.Equal(2, again.GetProperty("defineSegmentScheme").GetProperty("scheme").GetProperty("version").GetInt32());
        var v1 = await api.DataAsync(api.Acme, "{ segmentScheme(key: \"simple3\", version: 1) { name } }");
        Assert.Equal("Simple three", v1.GetProperty("segmentScheme").GetProperty("name").GetString());
    }

    private async Task<(long Sales, long Items)> CountsAsync()
    {
        var dataSource = api.Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand("SELECT (SELECT count(*) FROM sales.sales WHERE business_id = @b), (SELECT count(*) FROM sales.sale_items WHERE business_id = @b)");
        command.Parameters.AddWithValue("b", api.Acme.Id);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<long> RunCountAsync()
    {
        var dataSource = api.Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM scoring.runs");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
