using System.Text.Json;

namespace RfmGraph.Host.Tests.Api;

/// <summary>Each query of the API returns the hand-checked numbers of <see cref="AcmeScenario"/>.</summary>
[Collection(ApiCollection.Name)]
public sealed class QueryTests(ApiFixture api)
{
    private AcmeScenario Scenario => api.Scenario;

    [Fact]
    public async Task Customers_and_storefronts_are_listed_with_filters_sorting_and_paging()
    {
        await Scenario.EnsureAsync();

        var data = await api.DataAsync(api.Acme, """
            {
              all: customers(first: 10) { totalCount nodes { externalId name email } pageInfo { hasNextPage hasPreviousPage } }
              page1: customers(first: 2, order: [{ name: DESC }]) { nodes { name } pageInfo { hasNextPage endCursor } }
              filtered: customers(where: { or: [{ name: { startsWith: "Da" } }, { externalId: { in: ["C1", "C6"] } }] }) { nodes { externalId } }
              storefronts { code name }
            }
            """);

        var all = data.GetProperty("all");
        Assert.Equal(6, all.GetProperty("totalCount").GetInt32());
        Assert.Equal(["C1", "C2", "C3", "C4", "C5", "C6"], Names(all, "externalId"));
        Assert.Equal("alice@example.com", AcmeScenario.Nodes(all)[0].GetProperty("email").GetString());
        Assert.False(all.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["Frank", "Eve"], Names(data.GetProperty("page1"), "name"));
        Assert.Equal(["C1", "C4", "C6"], Names(data.GetProperty("filtered"), "externalId"));
        Assert.Equal("main", data.GetProperty("storefronts")[0].GetProperty("code").GetString());

        var cursor = data.GetProperty("page1").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var page2 = await api.DataAsync(api.Acme, "query($after: String) { customers(first: 2, after: $after, order: [{ name: DESC }]) { nodes { name } pageInfo { hasNextPage hasPreviousPage } } }", new { after = cursor });
        Assert.Equal(["Dave", "Carol"], Names(page2.GetProperty("customers"), "name"));
        Assert.True(page2.GetProperty("customers").GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Customer_rfm_explains_the_score_with_the_rule_and_cut_points_and_keeps_history()
    {
        await Scenario.EnsureAsync();

        var data = await api.DataAsync(api.Acme, """
            query($id: ID!) {
              customer(id: $id) {
                externalId
                rfm {
                  runId recencyDays frequency monetary r f m segment { code name }
                  explanation { text matchedRule { position code r { min max } f { min max } } method bins cutPoints { recency frequency monetary } }
                }
                rfmHistory { runId monetary segment { code } }
              }
            }
            """, new { id = Scenario.CustomerIds["C2"] });

        var customer = data.GetProperty("customer");
        var rfm = customer.GetProperty("rfm");
        Assert.Equal(Scenario.Run2, rfm.GetProperty("runId").GetString());
        Assert.Equal(1, rfm.GetProperty("recencyDays").GetInt32());
        Assert.Equal(2, rfm.GetProperty("frequency").GetInt32());
        Assert.Equal(1050m, rfm.GetProperty("monetary").GetDecimal());
        Assert.Equal((3, 2, 3), (rfm.GetProperty("r").GetInt32(), rfm.GetProperty("f").GetInt32(), rfm.GetProperty("m").GetInt32()));
        Assert.Equal("LOYAL", rfm.GetProperty("segment").GetProperty("code").GetString());
        var explanation = rfm.GetProperty("explanation");
        Assert.Equal(2, explanation.GetProperty("matchedRule").GetProperty("position").GetInt32());
        Assert.Equal(2, explanation.GetProperty("matchedRule").GetProperty("r").GetProperty("min").GetInt32());
        Assert.Equal("FIXED_THRESHOLDS", explanation.GetProperty("method").GetString());
        Assert.Equal([30m, 150m], explanation.GetProperty("cutPoints").GetProperty("recency").EnumerateArray().Select(x => x.GetDecimal()));
        Assert.Equal([100m, 500m], explanation.GetProperty("cutPoints").GetProperty("monetary").EnumerateArray().Select(x => x.GetDecimal()));
        Assert.Contains("#2 Loyal", explanation.GetProperty("text").GetString(), StringComparison.Ordinal);

        var history = customer.GetProperty("rfmHistory").EnumerateArray().ToList();
        Assert.Equal([Scenario.Run2, Scenario.Run1], history.Select(h => h.GetProperty("runId").GetString()));
        Assert.Equal([1050m, 50m], history.Select(h => h.GetProperty("monetary").GetDecimal()));
        Assert.Equal(["LOYAL", "OTHERS"], history.Select(h => h.GetProperty("segment").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Customers_without_counted_orders_have_no_rfm()
    {
        await Scenario.EnsureAsync();

        var data = await api.DataAsync(api.Acme, "query($a: ID!, $b: ID!) { eve: customer(id: $a) { rfm { r } rfmHistory { runId } } frank: customer(id: $b) { rfm { r } } }",
            new { a = Scenario.CustomerIds["C5"], b = Scenario.CustomerIds["C6"] });

        Assert.Equal(JsonValueKind.Null, data.GetProperty("eve").GetProperty("rfm").ValueKind);
        Assert.Empty(data.GetProperty("eve").GetProperty("rfmHistory").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("frank").GetProperty("rfm").ValueKind);
    }

    [Fact]
    public async Task Runs_are_listed_with_settings_cut_points_counts_and_segments()
    {
        await Scenario.EnsureAsync();

        var data = await api.DataAsync(api.Acme, """
            query($id: ID!) {
              rfmRuns(first: 10, where: { status: { eq: SUCCEEDED } }) { totalCount nodes { id } }
              rfmRun(id: $id) {
                id status dryRun storefrontId asOf windowFrom windowTo method bins schemeKey schemeVersion
                cutPoints { recency frequency monetary } customersScored totalMonetary isCurrent error
                durationMilliseconds
                segments { segment { code name } customers revenue averageRecencyDays averageFrequency averageMonetary }
                scheme { key bins }
              }
            }
            """, new { id = Scenario.Run1 });

        Assert.Equal([Scenario.Run2, Scenario.Run1], AcmeScenario.Nodes(data.GetProperty("rfmRuns")).Select(n => n.GetProperty("id").GetString()));
        var run = data.GetProperty("rfmRun");
        Assert.Equal("SUCCEEDED", run.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("storefrontId").ValueKind);
        Assert.Equal(AcmeScenario.AsOf, run.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(AcmeScenario.AsOf.AddDays(-365), run.GetProperty("windowFrom").GetDateTimeOffset());
        Assert.Equal(3, run.GetProperty("bins").GetInt32());
        Assert.Equal("simple3", run.GetProperty("schemeKey").GetString());
        Assert.Equal(4, run.GetProperty("customersScored").GetInt64());
        Assert.Equal(1570m, run.GetProperty("totalMonetary").GetDecimal());
        Assert.False(run.GetProperty("isCurrent").GetBoolean());
        Assert.Equal([1m, 2m], run.GetProperty("cutPoints").GetProperty("frequency").EnumerateArray().Select(x => x.GetDecimal()));
        var others = run.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("segment").GetProperty("code").GetString() == "OTHERS");
        Assert.Equal(2, others.GetProperty("customers").GetInt64());
        Assert.Equal(70m, others.GetProperty("revenue").GetDecimal());
        Assert.Equal(200m, others.GetProperty("averageRecencyDays").GetDecimal());
        Assert.Equal(3, run.GetProperty("scheme").GetProperty("bins").GetInt32());
    }

    [Fact]
    public async Task Segment_statistics_count_revenue_and_average_per_segment_and_per_score()
    {
        await Scenario.EnsureAsync();

        var data = await api.DataAsync(api.Acme, """
            query($run: ID) {
              segmentStatistics(runId: $run) {
                total { customers revenue orders averageOrderValue averageRecencyDays averageFrequency averageMonetary }
                segments { segment { code name } statistics { customers revenue orders averageOrderValue averageRecencyDays averageFrequency averageMonetary } }
                recency { score statistics { customers revenue } }
                monetary { score statistics { customers revenue } }
              }
            }
            """, new { run = Scenario.Run1 });

        var stats = data.GetProperty("segmentStatistics");
        var total = stats.GetProperty("total");
        Assert.Equal(4, total.GetProperty("customers").GetInt64());
        Assert.Equal(1570m, total.GetProperty("revenue").GetDecimal());
        Assert.Equal(7, total.GetProperty("orders").GetInt64());
        Assert.Equal(224.29m, total.GetProperty("averageOrderValue").GetDecimal());     // 1570 / 7
        Assert.Equal(103.75m, total.GetProperty("averageRecencyDays").GetDecimal());    // (5+100+10+300)/4
        Assert.Equal(392.50m, total.GetProperty("averageMonetary").GetDecimal());

        var segments = stats.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(["LOYAL", "CHAMPIONS", "OTHERS"], segments.Select(s => s.GetProperty("segment").GetProperty("code").GetString()));
        var others = segments[2].GetProperty("statistics");
        Assert.Equal(2, others.GetProperty("customers").GetInt64());
        Assert.Equal(70m, others.GetProperty("revenue").GetDecimal());
        Assert.Equal(35m, others.GetProperty("averageOrderValue").GetDecimal());
        Assert.Equal(200m, others.GetProperty("averageRecencyDays").GetDecimal());
        Assert.Equal(1m, others.GetProperty("averageFrequency").GetDecimal());
        Assert.Equal(900m, segments[0].GetProperty("statistics").GetProperty("revenue").GetDecimal());

        var recency = stats.GetProperty("recency").EnumerateArray().ToList();
        Assert.Equal([3, 2, 1], recency.Select(r => r.GetProperty("score").GetInt32()));
        Assert.Equal([2L, 1L, 1L], recency.Select(r => r.GetProperty("statistics").GetProperty("customers").GetInt64()));
        Assert.Equal([1500m, 50m, 20m], recency.Select(r => r.GetProperty("statistics").GetProperty("revenue").GetDecimal()));
        Assert.Equal([2L, 2L], stats.GetProperty("monetary").EnumerateArray().Select(r => r.GetProperty("statistics").GetProperty("customers").GetInt64()));
    }

    [Fact]
    public async Task Segment_transitions_show_who_moved_between_two_runs()
    {
        await Scenario.EnsureAsync();

        var data = await api.DataAsync(api.Acme, """
            query($from: ID!, $to: ID) {
              segmentTransitions(fromRunId: $from, toRunId: $to) { moved cells { from { code } to { code name } customers revenue previousRevenue } }
            }
            """, new { from = Scenario.Run1, to = Scenario.Run2 });

        var transitions = data.GetProperty("segmentTransitions");
        Assert.Equal(1, transitions.GetProperty("moved").GetInt64());
        var cells = transitions.GetProperty("cells").EnumerateArray()
            .Select(c => (From: c.GetProperty("from").GetProperty("code").GetString(), To: c.GetProperty("to").GetProperty("code").GetString(),
                Customers: c.GetProperty("customers").GetInt64(), Revenue: c.GetProperty("revenue").GetDecimal(), Previous: c.GetProperty("previousRevenue").GetDecimal()))
            .OrderBy(c => c.From).ThenBy(c => c.To).ToList();
        Assert.Equal(
            [("CHAMPIONS", "CHAMPIONS", 1L, 600m, 600m), ("LOYAL", "LOYAL", 1L, 900m, 900m), ("OTHERS", "LOYAL", 1L, 1050m, 50m), ("OTHERS", "OTHERS", 1L, 20m, 20m)],
            cells);
    }

    [Fact]
    public async Task Schemes_come_with_coverage_fallback_cells_and_shadowed_rules()
    {
        await Scenario.EnsureAsync();

        var data = await api.DataAsync(api.Acme, """
            {
              segmentSchemes { key version builtIn }
              segmentScheme(key: "simple3") {
                key version bins rules { position code } fallback { code }
                coverage { totalCells fallbackCells { r f m } shadowedRules { position code fullyShadowed shadowedCells { cell { r f m } byPosition } } }
              }
            }
            """);

        var keys = data.GetProperty("segmentSchemes").EnumerateArray().Select(s => s.GetProperty("key").GetString()).Distinct().ToList();
        Assert.Equal(["classic11", "pos8", "rfgrid10", "simple3"], keys);
        var coverage = data.GetProperty("segmentScheme").GetProperty("coverage");
        Assert.Equal(27, coverage.GetProperty("totalCells").GetInt32());
        var fallback = coverage.GetProperty("fallbackCells").EnumerateArray()
            .Select(c => (c.GetProperty("r").GetInt32(), c.GetProperty("f").GetInt32(), c.GetProperty("m").GetInt32())).OrderBy(c => c).ToList();
        Assert.Equal([(1, 1, 1), (1, 2, 1), (1, 3, 1), (2, 1, 1), (3, 1, 1), (3, 1, 2), (3, 1, 3)], fallback);
        var shadowed = coverage.GetProperty("shadowedRules").EnumerateArray().ToList();
        Assert.Equal([2, 3], shadowed.Select(s => s.GetProperty("position").GetInt32()));
        Assert.Equal(3, shadowed[0].GetProperty("shadowedCells").GetArrayLength());
        Assert.All(shadowed[0].GetProperty("shadowedCells").EnumerateArray(), c => Assert.Equal(1, c.GetProperty("byPosition").GetInt32()));
        Assert.Equal(4, shadowed[1].GetProperty("shadowedCells").GetArrayLength());
        Assert.False(shadowed[1].GetProperty("fullyShadowed").GetBoolean());
    }

    [Fact]
    public async Task Preview_shows_who_would_move_under_another_scheme_without_writing()
    {
        await Scenario.EnsureAsync();

        var data = await api.DataAsync(api.Acme, """
            mutation {
              previewSegmentScheme(input: { definition: {
                key: "vip3", name: "VIP", bins: 3, fallback: { name: "Rest", code: "REST" },
                rules: [{ name: "VIP", code: "VIP", r: { min: 3, max: 3 }, f: { min: 1, max: 3 }, m: { min: 3, max: 3 } }] } }) {
                preview { run { id } customers moved cells { from { code } to { code name } customers revenue } }
                userErrors { code }
              }
            }
            """);

        var preview = data.GetProperty("previewSegmentScheme").GetProperty("preview");
        Assert.Equal(Scenario.Run2, preview.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal(4, preview.GetProperty("customers").GetInt64());
        Assert.Equal(4, preview.GetProperty("moved").GetInt64());
        var cells = preview.GetProperty("cells").EnumerateArray()
            .Select(c => (c.GetProperty("from").GetProperty("code").GetString(), c.GetProperty("to").GetProperty("code").GetString(), c.GetProperty("customers").GetInt64(), c.GetProperty("revenue").GetDecimal()))
            .OrderBy(c => c.Item1).ToList();
        Assert.Equal([("CHAMPIONS", "VIP", 1L, 600m), ("LOYAL", "VIP", 2L, 1950m), ("OTHERS", "REST", 1L, 20m)], cells);

        var schemes = await api.DataAsync(api.Acme, "{ segmentScheme(key: \"vip3\") { id } }");
        Assert.Equal(JsonValueKind.Null, schemes.GetProperty("segmentScheme").ValueKind);
    }

    internal static string[] Names(JsonElement connection, string field) =>
        [.. AcmeScenario.Nodes(connection).Select(n => n.GetProperty(field).GetString()!)];
}
