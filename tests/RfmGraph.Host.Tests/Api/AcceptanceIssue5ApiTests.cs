using System.Globalization;
using System.Text.Json;

namespace RfmGraph.Host.Tests.Api;

/// <summary>
/// Issue 5 acceptance audit (docs/acceptance/issue-5.md): the built-in schemes with their coverage, and a dry run,
/// through the GraphQL API. Expected values are worked out by hand in the comments.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AcceptanceIssue5ApiTests(ApiFixture api)
{
    [Fact]
    public async Task Builtin_schemes_are_served_with_the_seed_rules_and_their_coverage()
    {
        var data = await api.DataAsync(api.Acme, """
            {
              pos8: segmentScheme(key: "pos8") {
                version builtIn bins fallback { name code }
                rules { position name code description recommendedActions r { min max } f { min max } m { min max } }
                coverage { totalCells fallbackCells { r f m } shadowedRules { code fullyShadowed } }
              }
              classic11: segmentScheme(key: "classic11") { rules { code } coverage { fallbackCells { r } shadowedRules { code fullyShadowed } } }
              rfgrid10: segmentScheme(key: "rfgrid10") { rules { code } coverage { totalCells fallbackCells { r } shadowedRules { code } } }
            }
            """);

        var pos8 = data.GetProperty("pos8");
        Assert.Equal((1, true, 5, "Others", "OTHERS"), (pos8.GetProperty("version").GetInt32(), pos8.GetProperty("builtIn").GetBoolean(),
            pos8.GetProperty("bins").GetInt32(), pos8.GetProperty("fallback").GetProperty("name").GetString(), pos8.GetProperty("fallback").GetProperty("code").GetString()));
        // Seed 000's table: "Champions R5F5M5 R>=4 AND F>=4 AND M>=4", "Loyal Customers R4F4M4 R>=3 AND F>=3 AND M>=3 (not Champions)",
        // "Potential Loyalists R4F2M3 R>=4 AND 2<=F<4 AND M>=2", "Promising R3F2M2 3<=R<4 AND 2<=F<3 AND 2<=M<4",
        // "At Risk R2F2M3 R<=2 AND F>=2 AND M>=3", "Need Attention R2F3M3 R<=2 AND F>=3 AND 2<=M<3", "New Customers R5F1M1 R>=4 AND F<=1",
        // "Hibernating R1F1M2 R<=2 AND F<=2 AND M<=2" — as inclusive ranges on 1..5.
        Assert.Equal(
            [
                (1, "Champions", "R5F5M5", 4, 5, 4, 5, 4, 5),
                (2, "Loyal Customers", "R4F4M4", 3, 5, 3, 5, 3, 5),
                (3, "Potential Loyalists", "R4F2M3", 4, 5, 2, 3, 2, 5),
                (4, "Promising", "R3F2M2", 3, 3, 2, 2, 2, 3),
                (5, "At Risk", "R2F2M3", 1, 2, 2, 5, 3, 5),
                (6, "Need Attention", "R2F3M3", 1, 2, 3, 5, 2, 2),
                (7, "New Customers", "R5F1M1", 4, 5, 1, 1, 1, 5),
                (8, "Hibernating", "R1F1M2", 1, 2, 1, 2, 1, 2),
            ],
            pos8.GetProperty("rules").EnumerateArray().Select(r => (
                r.GetProperty("position").GetInt32(), r.GetProperty("name").GetString(), r.GetProperty("code").GetString(),
                Min(r, "r"), Max(r, "r"), Min(r, "f"), Max(r, "f"), Min(r, "m"), Max(r, "m"))));
        // The one segment seed 000 writes out in full (its JSON example), word for word.
        var champions = pos8.GetProperty("rules")[0];
        Assert.Equal("Recent, frequent, high spenders", champions.GetProperty("description").GetString());
        Assert.Equal(["Offer VIP loyalty perks", "Invite to referral programs", "Early access to new collections"],
            champions.GetProperty("recommendedActions").EnumerateArray().Select(a => a.GetString()));
        // Coverage: 38 of 125 cells fall to Others (counted by hand in SchemeTests); Loyal and Potential Loyalists are
        // partly shadowed, none fully.
        var coverage = pos8.GetProperty("coverage");
        Assert.Equal((125, 38), (coverage.GetProperty("totalCells").GetInt32(), coverage.GetProperty("fallbackCells").GetArrayLength()));
        Assert.Equal([("R4F4M4", false), ("R4F2M3", false)], Shadowed(coverage));

        // classic11: New Customers lies inside Potential Loyalists and Lost inside Hibernating; 54 fallback cells.
        var classic = data.GetProperty("classic11");
        Assert.Equal(11, classic.GetProperty("rules").GetArrayLength());
        Assert.Equal(54, classic.GetProperty("coverage").GetProperty("fallbackCells").GetArrayLength());
        Assert.Equal(["NEW_CUSTOMERS", "LOST"], Shadowed(classic.GetProperty("coverage")).Where(s => s.Full).Select(s => s.Code));

        // rfgrid10: every cell is some rule's, and no rule overlaps another.
        var grid = data.GetProperty("rfgrid10");
        Assert.Equal(10, grid.GetProperty("rules").GetArrayLength());
        Assert.Equal(125, grid.GetProperty("coverage").GetProperty("totalCells").GetInt32());
        Assert.Equal(0, grid.GetProperty("coverage").GetProperty("fallbackCells").GetArrayLength());
        Assert.Equal(0, grid.GetProperty("coverage").GetProperty("shadowedRules").GetArrayLength());
    }

    [Fact]
    public async Task A_dry_run_requested_through_the_api_reports_its_summary_and_publishes_nothing()
    {
        var business = await api.BusinessAsync("audit5-dry", "Audit five");
        var storefront = (await api.DataAsync(business, "mutation { createStorefront(input: { code: \"a5\", name: \"A5\" }) { storefront { id } } }"))
            .GetProperty("createStorefront").GetProperty("storefront").GetProperty("id").GetString();
        foreach (var (customer, amount) in new[] { ("A1", 10m), ("A2", 20m), ("A3", 30m) })
        {
            await api.DataAsync(business, "mutation($id: String!) { upsertCustomer(input: { externalId: $id }) { customer { id } } }", new { id = customer });
            var sale = await api.DataAsync(business, "mutation($input: RecordSaleInput!) { recordSale(input: $input) { userErrors { code } } }",
                new { input = new { externalId = "AS-" + customer, customerExternalId = customer, storefrontId = storefront, orderedAt = "2026-06-01T00:00:00Z", amount = amount.ToString(CultureInfo.InvariantCulture) } });
            Assert.Empty(sale.GetProperty("recordSale").GetProperty("userErrors").EnumerateArray());
        }

        var requested = await api.DataAsync(business, AcmeScenario.RequestRun, new { input = new { days = 365, asOf = "2026-06-30T00:00:00Z", dryRun = true } });
        var payload = requested.GetProperty("requestRfmRecalculation");
        Assert.Empty(payload.GetProperty("userErrors").EnumerateArray());
        var runId = payload.GetProperty("run").GetProperty("id").GetString()!;
        await AcmeScenario.WaitForStatusAsync(api, business, runId, "DRY_RUN");

        // Defaults QUANTILE_TIES, 5 bins, pos8. All three: 29 days, 1 order; monetary 10, 20, 30.
        // n = 3: F/M cut point k is the value at position ceil(3k/5) = 1, 2, 2, 3 -> M [10, 20, 20, 30]: 10 -> M1, 20 -> M2, 30 -> M4.
        // R and F: every cut point equals the one value -> R = 5 - 4 = 1, F = 1.
        // pos8: (1,1,1) and (1,1,2) Hibernating; (1,1,4) matches no rule (At Risk needs F>=2) -> Others. Revenue ties order by code.
        var data = await api.DataAsync(business, """
            query($id: ID!) {
              rfmRun(id: $id) { status dryRun isCurrent publishedAt customersScored totalMonetary method bins schemeKey
                                cutPoints { monetary } segments { segment { code } customers revenue } }
              customerScores { totalCount }
            }
            """, new { id = runId });
        var run = data.GetProperty("rfmRun");
        Assert.Equal(("DRY_RUN", true, false, JsonValueKind.Null), (run.GetProperty("status").GetString(), run.GetProperty("dryRun").GetBoolean(),
            run.GetProperty("isCurrent").GetBoolean(), run.GetProperty("publishedAt").ValueKind));
        Assert.Equal((3L, 60m, "QUANTILE_TIES", 5, "pos8"), (run.GetProperty("customersScored").GetInt64(), run.GetProperty("totalMonetary").GetDecimal(),
            run.GetProperty("method").GetString(), run.GetProperty("bins").GetInt32(), run.GetProperty("schemeKey").GetString()));
        Assert.Equal([10m, 20m, 20m, 30m], run.GetProperty("cutPoints").GetProperty("monetary").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Equal([("OTHERS", 1L, 30m), ("R1F1M2", 2L, 30m)], run.GetProperty("segments").EnumerateArray().Select(s => (
            s.GetProperty("segment").GetProperty("code").GetString(), s.GetProperty("customers").GetInt64(), s.GetProperty("revenue").GetDecimal())));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("customerScores").ValueKind);   // nothing published for the scope
    }

    // The sort keys CustomerScoresTests does not exercise, on AcmeScenario's current run (run 2):
    //   C1 Alice 5 days CHAMPIONS "Champions" · C2 Bob 1 day LOYAL "Loyal" · C3 Carol 10 days LOYAL "Loyal" · C4 Dave 300 days OTHERS "Others".
    // lastOrderAt = asOf - days (C3's later refund is not an order); ties (C2, C3 in "Loyal") go to the customer, ascending.
    [Theory]
    [InlineData("""[{ "lastOrderAt": "ASC" }]""", "C4,C3,C1,C2")]
    [InlineData("""[{ "segmentName": "DESC" }]""", "C4,C2,C3,C1")]
    [InlineData("""[{ "email": "ASC" }]""", "C1,C2,C3,C4")]
    public async Task CustomerScores_sorts_on_lastOrderAt_segmentName_and_email(string order, string expected)
    {
        await api.Scenario.EnsureAsync();

        var scores = (await api.DataAsync(api.Acme, "query($order: [CustomerScoreSortInput!]) { customerScores(order: $order) { nodes { externalId } } }",
            new { order = JsonDocument.Parse(order).RootElement })).GetProperty("customerScores");

        Assert.Equal(expected.Split(','), QueryTests.Names(scores, "externalId"));
    }

    // customerCreatedAt (added for "every customer field"): the scenario's customers are created at test time,
    // so every one of the four scored customers was created after 2020 and none before.
    [Theory]
    [InlineData("""{ "customerCreatedAt": { "gt": "2020-01-01T00:00:00Z" } }""", "C2,C3,C1,C4")]
    [InlineData("""{ "customerCreatedAt": { "lt": "2020-01-01T00:00:00Z" } }""", "")]
    public async Task CustomerScores_filters_on_the_customers_createdAt(string where, string expected)
    {
        await api.Scenario.EnsureAsync();

        var scores = (await api.DataAsync(api.Acme, "query($where: CustomerScoreFilterInput) { customerScores(where: $where) { totalCount nodes { externalId } } }",
            new { where = JsonDocument.Parse(where).RootElement })).GetProperty("customerScores");

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), QueryTests.Names(scores, "externalId"));
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Length, scores.GetProperty("totalCount").GetInt32());
    }

    private static int Min(JsonElement rule, string dimension) => rule.GetProperty(dimension).GetProperty("min").GetInt32();

    private static int Max(JsonElement rule, string dimension) => rule.GetProperty(dimension).GetProperty("max").GetInt32();

    private static List<(string? Code, bool Full)> Shadowed(JsonElement coverage) =>
        [.. coverage.GetProperty("shadowedRules").EnumerateArray().Select(s => (s.GetProperty("code").GetString(), s.GetProperty("fullyShadowed").GetBoolean()))];
}
