using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Host.Tests.Api;

/// <summary>
/// A storefront-scoped run on business "initech" (its own, so the acme scenario stays as it is), and
/// rfmRecalculated delivering each business only its own runs (initech's and hooli's subscribers).
///
/// asOf 2026-06-30, 365 days, FIXED_THRESHOLDS bins 3 (recency [30, 150], frequency [1, 2], monetary [100, 500]),
/// scheme simple3 (see <see cref="AcmeScenario"/>). Storefronts north and south:
///   N1 north 200 (-10d), 300 (-40d)  → north scope: 10 days, 2, 500 → R3 F2 M2 → LOYAL
///   B1 north 50 (-100d), south 1000 (-5d) → north scope: 100 days, 1, 50 → R2 F1 M1 → OTHERS
///   S1 south 700 (-2d)               → not in the north scope
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StorefrontScopeTests(ApiFixture api)
{
    private const string Scores = """
        query($storefront: ID) {
          customerScores(storefrontId: $storefront) {
            totalCount
            nodes { externalId recencyDays frequency monetary r f m segment { code } rfm { runId } }
          }
        }
        """;

    [Fact]
    public async Task A_storefront_run_scores_only_that_storefronts_sales_and_subscribers_hear_only_their_business()
    {
        var initech = await api.BusinessAsync("initech", "Initech");
        var north = await StorefrontAsync(initech, "north");
        var south = await StorefrontAsync(initech, "south");
        await SaleAsync(initech, "N1", north, 10, 200m);
        await SaleAsync(initech, "N1", north, 40, 300m);
        await SaleAsync(initech, "B1", north, 100, 50m);
        await SaleAsync(initech, "B1", south, 5, 1000m);
        await SaleAsync(initech, "S1", south, 2, 700m);
        Assert.Empty((await api.DataAsync(initech, AcmeScenario.DefineSimple3)).GetProperty("defineSegmentScheme").GetProperty("userErrors").EnumerateArray());

        await using var initechEvents = await SubscribeAsync(initech);
        var hooli = await api.BusinessAsync("hooli", "Hooli");
        await using var hooliEvents = await SubscribeAsync(hooli);
        var initechNext = initechEvents.Events.MoveNextAsync().AsTask();
        var hooliNext = hooliEvents.Events.MoveNextAsync().AsTask();

        var input = JsonSerializer.SerializeToElement(AcmeScenario.RunInput()).GetProperty("input");
        var request = JsonSerializer.Deserialize<Dictionary<string, object?>>(input.GetRawText())!;
        request["storefrontId"] = north;
        var runId = (await api.DataAsync(initech, AcmeScenario.RequestRun, new { input = request }))
            .GetProperty("requestRfmRecalculation").GetProperty("run").GetProperty("id").GetString()!;

        Assert.True(await initechNext);
        var heard = Json(initechEvents.Events.Current).GetProperty("rfmRecalculated");
        Assert.Equal(runId, heard.GetProperty("runId").GetString());
        Assert.Equal(north, heard.GetProperty("storefrontId").GetString());
        Assert.Equal(2, heard.GetProperty("customersScored").GetInt64());
        await AcmeScenario.WaitForStatusAsync(api, initech, runId, "SUCCEEDED");

        var northScores = (await api.DataAsync(initech, Scores, new { storefront = north })).GetProperty("customerScores");
        Assert.Equal(2, northScores.GetProperty("totalCount").GetInt32());
        var rows = AcmeScenario.Nodes(northScores)
            .Select(n => (n.GetProperty("externalId").GetString(), n.GetProperty("recencyDays").GetInt32(), n.GetProperty("frequency").GetInt32(),
                n.GetProperty("monetary").GetDecimal(), n.GetProperty("r").GetInt32(), n.GetProperty("f").GetInt32(), n.GetProperty("m").GetInt32(),
                n.GetProperty("segment").GetProperty("code").GetString()))
            .ToList();
        Assert.Equal([("N1", 10, 2, 500m, 3, 2, 2, "LOYAL"), ("B1", 100, 1, 50m, 2, 1, 1, "OTHERS")], rows);
        Assert.All(AcmeScenario.Nodes(northScores), n => Assert.Equal(runId, n.GetProperty("rfm").GetProperty("runId").GetString()));

        // No business-wide run and no south run yet: those scopes have no scores to read.
        var others = await api.DataAsync(initech, "query($south: ID) { all: customerScores { totalCount } south: customerScores(storefrontId: $south) { totalCount } }", new { south });
        Assert.Equal(JsonValueKind.Null, others.GetProperty("all").ValueKind);
        Assert.Equal(JsonValueKind.Null, others.GetProperty("south").ValueKind);
        var runs = await api.DataAsync(initech, "query($north: ID) { scoped: rfmRuns(storefrontId: $north) { nodes { id storefrontId } } wide: rfmRuns(storefrontId: null) { totalCount } }", new { north });
        Assert.Equal([(runId, north)], AcmeScenario.Nodes(runs.GetProperty("scoped")).Select(n => (n.GetProperty("id").GetString(), n.GetProperty("storefrontId").GetString())));
        Assert.Equal(0, runs.GetProperty("wide").GetProperty("totalCount").GetInt32());

        // Hooli heard nothing of initech's run: the first event it gets is its own next run (one with no customers).
        var hooliRun = (await api.DataAsync(hooli, AcmeScenario.RequestRun, new { input = new { days = 365, asOf = "2026-06-30T00:00:00Z", scheme = "rfgrid10" } }))
            .GetProperty("requestRfmRecalculation").GetProperty("run").GetProperty("id").GetString();
        Assert.True(await hooliNext);
        var hooliHeard = Json(hooliEvents.Events.Current).GetProperty("rfmRecalculated");
        Assert.Equal(hooliRun, hooliHeard.GetProperty("runId").GetString());
        Assert.Equal(0, hooliHeard.GetProperty("customersScored").GetInt64());
    }

    private async Task<string> StorefrontAsync(BusinessInfo business, string code) =>
        (await api.DataAsync(business, "mutation($code: String!) { createStorefront(input: { code: $code, name: $code }) { storefront { id } } }", new { code }))
            .GetProperty("createStorefront").GetProperty("storefront").GetProperty("id").GetString()!;

    private async Task SaleAsync(BusinessInfo business, string customer, string storefront, int daysAgo, decimal amount)
    {
        await api.DataAsync(business, "mutation($id: String!) { upsertCustomer(input: { externalId: $id }) { customer { id } } }", new { id = customer });
        var sale = await api.DataAsync(business, "mutation($input: RecordSaleInput!) { recordSale(input: $input) { userErrors { code } } }", new
        {
            input = new
            {
                externalId = $"{customer}-{daysAgo}",
                customerExternalId = customer,
                storefrontId = storefront,
                orderedAt = AcmeScenario.AsOf.AddDays(-daysAgo).ToString("O", CultureInfo.InvariantCulture),
                amount = amount.ToString(CultureInfo.InvariantCulture),
            },
        });
        Assert.Empty(sale.GetProperty("recordSale").GetProperty("userErrors").EnumerateArray());
    }

    private async Task<Subscription> SubscribeAsync(BusinessInfo business)
    {
        var scope = api.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(business.Id, business.Key);
        var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var result = await api.Executor.SubscribeAsync(
            new GraphQLRequest { Query = "subscription { rfmRecalculated { runId storefrontId customersScored } }" },
            new RequestContext(scope.ServiceProvider),
            cancel.Token);
        Assert.Null(result.Error);
        return new Subscription(scope, cancel, result.Stream!.GetAsyncEnumerator(cancel.Token));
    }

    private static JsonElement Json(ExecutionResult result) => JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("data");

    private sealed class Subscription(AsyncServiceScope scope, CancellationTokenSource cancel, IAsyncEnumerator<ExecutionResult> events) : IAsyncDisposable
    {
        public IAsyncEnumerator<ExecutionResult> Events { get; } = events;

        public async ValueTask DisposeAsync()
        {
            await cancel.CancelAsync();
            await Events.DisposeAsync();
            await scope.DisposeAsync();
            cancel.Dispose();
        }
    }
}
