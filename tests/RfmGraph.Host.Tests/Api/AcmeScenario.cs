using System.Globalization;
using System.Text.Json;

namespace RfmGraph.Host.Tests.Api;

/// <summary>
/// A small data set entered through the API itself (createStorefront, upsertCustomer, recordSale,
/// defineSegmentScheme, requestRfmRecalculation), with every expected number written out by hand:
///
/// asOf 2026-06-30T00:00Z, window 365 days, FIXED_THRESHOLDS with 3 bins:
///   recency cut points [30, 150] days, frequency [1, 2] orders, monetary [100, 500].
/// Scheme "simple3" (3 bins): 1 CHAMPIONS R3 F3 M1-3 · 2 LOYAL R2-3 F2-3 M1-3 · 3 AT_RISK R1-2 F1-3 M2-3 · fallback OTHERS.
///
/// Run 1:
///   C1 Alice  sales 100 (-5d), 200 (-20d), 300 (-40d)      → 5 days, 3, 600  → R3 F3 M3 → CHAMPIONS
///   C2 Bob    sale 50 (-100d)                              → 100 days, 1, 50 → R2 F1 M1 → OTHERS
///   C3 Carol  sales 500 (-10d), 500 (-200d), refund 100 (-3d) → 10 days, 2, 900 → R3 F2 M3 → LOYAL
///   C4 Dave   sale 20 (-300d)                              → 300 days, 1, 20 → R1 F1 M1 → OTHERS
///   C5 Eve    only a refunded sale → not scored;  C6 Frank no sales → not scored
/// Run 2 (after Bob buys 1000 at -1d): Bob → 1 day, 2, 1050 → R3 F2 M3 → LOYAL; the others unchanged.
/// </summary>
public sealed class AcmeScenario(ApiFixture api)
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;
    private Exception? _failure;

    public string MainStorefrontId { get; private set; } = string.Empty;

    public Dictionary<string, string> CustomerIds { get; } = [];

    public string Run1 { get; private set; } = string.Empty;

    public string Run2 { get; private set; } = string.Empty;

    public async Task EnsureAsync()
    {
        await _gate.WaitAsync();
        try
        {
            // A half-built scenario cannot be built again (its rows exist): every later test reports the first
            // failure, so the cause is in each test's message rather than in one of dozens of follow-on errors.
            if (_failure is not null)
            {
                throw new InvalidOperationException("The acme scenario could not be built: " + _failure.Message, _failure);
            }
            if (!_ready)
            {
                try
                {
                    await BuildAsync();
                }
                catch (Exception ex)
                {
                    _failure = ex;
                    throw;
                }
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public const string RequestRun = """
        mutation($input: RequestRfmRecalculationInput!) {
          requestRfmRecalculation(input: $input) { run { id status } userErrors { field message code } }
        }
        """;

    public static object RunInput(string scheme = "simple3") => new
    {
        input = new
        {
            days = 365,
            asOf = AsOf.ToString("O", CultureInfo.InvariantCulture),
            method = "FIXED_THRESHOLDS",
            bins = 3,
            scheme,
            thresholds = new { recency = new[] { 30, 150 }, frequency = new[] { 1, 2 }, monetary = new[] { 100, 500 } },
        },
    };

    private async Task BuildAsync()
    {
        var acme = api.Acme;
        var storefront = await api.DataAsync(acme, """
            mutation { createStorefront(input: { code: "main", name: "Main street" }) { storefront { id code name } userErrors { code } } }
            """);
        MainStorefrontId = storefront.GetProperty("createStorefront").GetProperty("storefront").GetProperty("id").GetString()!;

        foreach (var (external, name) in new[] { ("C1", "Alice"), ("C2", "Bob"), ("C3", "Carol"), ("C4", "Dave"), ("C5", "Eve"), ("C6", "Frank") })
        {
            var customer = await api.DataAsync(acme, """
                mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { customer { id } created userErrors { code } } }
                """, new { input = new { externalId = external, name, email = name.ToLowerInvariant() + "@example.com" } });
            CustomerIds[external] = customer.GetProperty("upsertCustomer").GetProperty("customer").GetProperty("id").GetString()!;
        }

        var sales = new (string Sale, string Customer, int DaysAgo, decimal Amount, string Status)[]
        {
            ("S1", "C1", 5, 100m, "COMPLETED"), ("S2", "C1", 20, 200m, "COMPLETED"), ("S3", "C1", 40, 300m, "COMPLETED"),
            ("S4", "C2", 100, 50m, "COMPLETED"),
            ("S5", "C3", 10, 500m, "COMPLETED"), ("S6", "C3", 200, 500m, "COMPLETED"), ("S7", "C3", 3, 100m, "REFUNDED"),
            ("S8", "C4", 300, 20m, "COMPLETED"),
            ("S9", "C5", 50, 70m, "REFUNDED"),
        };
        foreach (var sale in sales)
        {
            await RecordSaleAsync(sale.Sale, sale.Customer, sale.DaysAgo, sale.Amount, sale.Status);
        }

        var scheme = await api.DataAsync(acme, DefineSimple3, null);
        Assert.Empty(scheme.GetProperty("defineSegmentScheme").GetProperty("userErrors").EnumerateArray());

        Run1 = await RunAndWaitAsync();
        await RecordSaleAsync("S10", "C2", 1, 1000m, "COMPLETED");
        Run2 = await RunAndWaitAsync();
    }

    public const string DefineSimple3 = """
        mutation {
          defineSegmentScheme(input: {
            key: "simple3", name: "Simple three", bins: 3,
            fallback: { name: "Others", code: "OTHERS" },
            rules: [
              { name: "Champions", code: "CHAMPIONS", r: { min: 3, max: 3 }, f: { min: 3, max: 3 }, m: { min: 1, max: 3 } },
              { name: "Loyal", code: "LOYAL", r: { min: 2, max: 3 }, f: { min: 2, max: 3 }, m: { min: 1, max: 3 } },
              { name: "At risk", code: "AT_RISK", r: { min: 1, max: 2 }, f: { min: 1, max: 3 }, m: { min: 2, max: 3 } }
            ]
          }) { scheme { id key version } userErrors { field message code } }
        }
        """;

    private async Task RecordSaleAsync(string sale, string customer, int daysAgo, decimal amount, string status)
    {
        var data = await api.DataAsync(api.Acme, """
            mutation($input: RecordSaleInput!) { recordSale(input: $input) { sale { id } userErrors { field message code } } }
            """, new
        {
            input = new
            {
                externalId = sale,
                customerId = CustomerIds[customer],
                storefrontId = MainStorefrontId,
                orderedAt = AsOf.AddDays(-daysAgo).ToString("O", CultureInfo.InvariantCulture),
                status,
                amount = amount.ToString(CultureInfo.InvariantCulture),
            },
        });
        Assert.Empty(data.GetProperty("recordSale").GetProperty("userErrors").EnumerateArray());
    }

    /// <summary>Requests a run through the API and waits until the Quartz job has published it.</summary>
    public async Task<string> RunAndWaitAsync()
    {
        var requested = await api.DataAsync(api.Acme, RequestRun, RunInput());
        var payload = requested.GetProperty("requestRfmRecalculation");
        Assert.Empty(payload.GetProperty("userErrors").EnumerateArray());
        var runId = payload.GetProperty("run").GetProperty("id").GetString()!;
        Assert.Equal("QUEUED", payload.GetProperty("run").GetProperty("status").GetString());
        await WaitForStatusAsync(api, api.Acme, runId, "SUCCEEDED");
        return runId;
    }

    public static async Task WaitForStatusAsync(ApiFixture api, RfmGraph.Sales.Contracts.BusinessInfo business, string runId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var run = await api.DataAsync(business, "query($id: ID!) { rfmRun(id: $id) { status error } }", new { id = runId });
            last = run.GetProperty("rfmRun").GetProperty("status").GetString();
            if (last == status)
            {
                return;
            }

            Assert.NotEqual("FAILED", last);
            await Task.Delay(200);
        }

        Assert.Fail($"Run {runId} is {last}, expected {status} within 90 s.");
    }

    public static JsonElement[] Nodes(JsonElement connection) => [.. connection.GetProperty("nodes").EnumerateArray()];
}
