using System.Text.Json;

namespace RfmGraph.Host.Tests.Api;

/// <summary>Another business's ids are "not found": globex sees nothing of acme's customers, runs and schemes.</summary>
[Collection(ApiCollection.Name)]
public sealed class TenantIsolationTests(ApiFixture api)
{
    [Fact]
    public async Task Globex_cannot_read_acme_customers_runs_schemes_or_scores()
    {
        await api.Scenario.EnsureAsync();
        var scenario = api.Scenario;

        var data = await api.DataAsync(api.Globex, """
            query($customer: ID!, $run: ID!) {
              customer(id: $customer) { id }
              customerByExternalId(externalId: "C1") { id }
              customers { totalCount }
              rfmRun(id: $run) { id }
              rfmRuns(where: { status: { eq: SUCCEEDED } }) { totalCount }
              segmentScheme(key: "simple3") { id }
              segmentTransitions(fromRunId: $run) { moved }
              segmentStatistics(runId: null) { total { customers } }
            }
            """, new { customer = scenario.CustomerIds["C1"], run = scenario.Run1 });

        Assert.Equal(JsonValueKind.Null, data.GetProperty("customer").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("customerByExternalId").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("rfmRun").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("segmentScheme").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("segmentTransitions").ValueKind);
        Assert.DoesNotContain(
            (await api.DataAsync(api.Globex, "{ segmentSchemes { key } }")).GetProperty("segmentSchemes").EnumerateArray(),
            s => s.GetProperty("key").GetString() == "simple3");

        var scores = await api.ExecuteAsync(api.Globex, "query($run: ID!) { customerScores(runId: $run) { totalCount } }", new { run = scenario.Run1 });
        Assert.Contains("not found", scores.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Globex_cannot_write_with_acme_ids()
    {
        await api.Scenario.EnsureAsync();
        var scenario = api.Scenario;

        var sale = await api.DataAsync(api.Globex, """
            mutation($customer: ID!, $storefront: ID!) {
              recordSale(input: { externalId: "X1", customerId: $customer, storefrontId: $storefront, orderedAt: "2026-06-01T00:00:00Z", amount: 5 }) {
                sale { id } userErrors { field code }
              }
            }
            """, new { customer = scenario.CustomerIds["C1"], storefront = scenario.MainStorefrontId });
        var codes = sale.GetProperty("recordSale").GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Equal(["CUSTOMER_NOT_FOUND", "STOREFRONT_NOT_FOUND"], codes);

        var run = await api.DataAsync(api.Globex, AcmeScenario.RequestRun, new { input = new { storefrontId = scenario.MainStorefrontId } });
        Assert.Equal("STOREFRONT_NOT_FOUND", run.GetProperty("requestRfmRecalculation").GetProperty("userErrors")[0].GetProperty("code").GetString());

        var preview = await api.DataAsync(api.Globex, "mutation($run: ID!) { previewSegmentScheme(input: { runId: $run, scheme: \"pos8\" }) { preview { moved } userErrors { code } } }",
            new { run = scenario.Run1 });
        Assert.Equal("RUN_NOT_FOUND", preview.GetProperty("previewSegmentScheme").GetProperty("userErrors")[0].GetProperty("code").GetString());
    }
}
