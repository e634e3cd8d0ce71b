using Npgsql;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Schemes;
using RfmGraph.Scoring.Tests.Infrastructure;
using RfmGraph.Scoring.Tests.Reference;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SchemeTests(PostgresFixture postgres)
{
    private static async Task<SegmentScheme> BuiltInAsync(ScoringHarness harness, string key) =>
        (await harness.Schemes.FindAsync(1, key, null, CancellationToken.None))!;

    [Fact]
    public async Task Builtin_schemes_are_the_seeds_rules_in_the_seeds_order()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        foreach (var (key, reference) in new[] { ("pos8", ReferenceSchemes.Pos8), ("classic11", ReferenceSchemes.Classic11) })
        {
            var scheme = await BuiltInAsync(harness, key);
            Assert.Equal((1, 5, (long?)null, "Others", "OTHERS"), (scheme.Version, scheme.Bins, scheme.BusinessId, scheme.Fallback.Name, scheme.Fallback.Code));
            Assert.Equal(
                reference.Select(r => (r.Name, r.Code, r.RMin, r.RMax, r.FMin, r.FMax, r.MMin, r.MMax)),
                scheme.Rules.Select(r => (r.Name, r.Code, r.R.Min, r.R.Max, r.F.Min, r.F.Max, r.M.Min, r.M.Max)));
            Assert.Equal(Enumerable.Range(1, reference.Count), scheme.Rules.Select(r => r.Position));
        }

        var grid = await BuiltInAsync(harness, "rfgrid10");
        Assert.Equal(10, grid.Rules.Count);
        foreach (var ((r, f), code) in ReferenceSchemes.RfGrid10Cells)
        {
            for (var m = 1; m <= 5; m++)
            {
                Assert.Equal(code, grid.RuleFor(r, f, m)?.Code);
            }
        }

        // Seed 000's one fully written-out segment, word for word.
        var champions = (await BuiltInAsync(harness, "pos8")).Rules[0];
        Assert.Equal("Recent, frequent, high spenders", champions.Description);
        Assert.Equal(["Offer VIP loyalty perks", "Invite to referral programs", "Early access to new collections"], champions.RecommendedActions);
    }

    [Fact]
    public async Task Coverage_of_pos8_shows_its_gaps_and_overlaps()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        var coverage = CoverageAnalyzer.Analyze(await BuiltInAsync(harness, "pos8"));
        // Fallback cells (counted by hand): R1-2: F1 x M3-5 and F3-5 x M1 (6 each); R3: 25 - Loyal 9 - Promising 2 = 14;
        // R4-5: F2-3 x M1 and F4-5 x M1-2 (6 each). 12 + 14 + 12 = 38 of 125.
        Assert.Equal(125, coverage.TotalCells);
        Assert.Equal(38, coverage.FallbackCells.Count);
        Assert.Contains(new ScoreCell(3, 1, 1), coverage.FallbackCells);
        Assert.Contains(new ScoreCell(1, 3, 1), coverage.FallbackCells);
        Assert.DoesNotContain(new ScoreCell(5, 1, 1), coverage.FallbackCells);
        Assert.Empty(coverage.FullyShadowedRules);

        var loyal = coverage.Rules[1];
        Assert.Equal(("R4F4M4", 27, 19, 8), (loyal.Code, loyal.MatchedCells, loyal.WonCells, loyal.ShadowedCells.Count));
        Assert.All(loyal.ShadowedCells, s => Assert.Equal(1, s.ByPosition));   // by Champions
        var potential = coverage.Rules[2];
        Assert.Equal(("R4F2M3", 16, 10, 6), (potential.Code, potential.MatchedCells, potential.WonCells, potential.ShadowedCells.Count));
        Assert.True(potential.PartiallyShadowed);
        Assert.All(coverage.Rules.Skip(3), r => Assert.Empty(r.ShadowedCells));
    }

    [Fact]
    public async Task Coverage_of_classic11_finds_the_rules_the_seed_can_never_reach()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        var coverage = CoverageAnalyzer.Analyze(await BuiltInAsync(harness, "classic11"));
        // New Customers (R4-5 F1 M1-2) lies inside Potential Loyalists (R4-5 F1-3 M1-3); Lost (R1F1M1) inside Hibernating.
        Assert.Equal(["NEW_CUSTOMERS", "LOST"], coverage.FullyShadowedRules.Select(r => r.Code));
        Assert.All(coverage.Rules.Single(r => r.Code == "NEW_CUSTOMERS").ShadowedCells, s => Assert.Equal(3, s.ByPosition));
        Assert.Equal(10, coverage.Rules.Single(r => r.Code == "LOST").ShadowedCells.Single().ByPosition);
        var promising = coverage.Rules.Single(r => r.Code == "PROMISING");
        Assert.Equal((6, 4), (promising.MatchedCells, promising.WonCells));   // M3 taken by Potential Loyalists
        // Fallback: R4-5 16, R3 20, R1-2 18.
        Assert.Equal(54, coverage.FallbackCells.Count);
        Assert.Contains(new ScoreCell(4, 3, 4), coverage.FallbackCells);
    }

    [Fact]
    public async Task Coverage_of_rfgrid10_is_complete_and_disjoint()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        var coverage = CoverageAnalyzer.Analyze(await BuiltInAsync(harness, "rfgrid10"));
        Assert.Empty(coverage.FallbackCells);
        Assert.All(coverage.Rules, r => Assert.Empty(r.ShadowedCells));
        Assert.Equal(125, coverage.Rules.Sum(r => r.WonCells));
        Assert.Equal(10, coverage.Rules.Single(r => r.Code == "CHAMPIONS").WonCells);   // 2 R/F cells x 5 M
    }

    private static SegmentSchemeDefinition Vip(int bins = 5, int rMin = 4) => new("vip", "VIP", "Best customers", bins,
        new FallbackSegment("Everyone else", "REST", string.Empty, ["Newsletter"]),
        [new SegmentRuleDefinition("VIP", "VIP", "Top", ["Call them"], new(rMin, bins), new(4, bins), new(4, bins))]);

    [Fact]
    public async Task Custom_schemes_are_versioned_and_immutable_once_used()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(HandMadeData.Sales());
        var v1 = (await harness.Schemes.DefineAsync(1, Vip(), CancellationToken.None)).Scheme!;
        Assert.Equal((1, 1L), (v1.Version, v1.BusinessId!.Value));
        Assert.Equal(v1.Id, (await harness.Schemes.DefineAsync(1, Vip(), CancellationToken.None)).Scheme!.Id);   // same content: same version
        var v2 = (await harness.Schemes.DefineAsync(1, Vip(rMin: 3), CancellationToken.None)).Scheme!;
        Assert.Equal(2, v2.Version);
        Assert.Equal(v2.Id, (await BuiltInAsync(harness, "vip")).Id);                                             // latest by default

        var run = await harness.RunAsync(new RfmRunRequest(1, AsOf: HandMadeData.AsOf, Days: 365, Scheme: "vip", SchemeVersion: 1));
        Assert.Equal(("vip", 1), (run.SchemeKey, run.SchemeVersion));
        // QUANTILE_TIES scores (HandMadeScoringTests): customers 1 (5,5,5) and 2 (4,5,5) are VIP.
        Assert.Equal([1L, 2L], (await harness.ScoresAsync(run.Id)).Values.Where(s => s.Segment == "VIP").Select(s => s.CustomerId).Order());

        // The database refuses edits of a used version and of built-in versions.
        var used = await Assert.ThrowsAsync<PostgresException>(() => harness.ScalarAsync<int>($"UPDATE scoring.segment_rules SET r_min = 1 WHERE scheme_id = {v1.Id}"));
        Assert.Contains("define a new version", used.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() => harness.ScalarAsync<int>($"DELETE FROM scoring.segment_schemes WHERE id = {v1.Id}"));
        await Assert.ThrowsAsync<PostgresException>(() => harness.ScalarAsync<int>("UPDATE scoring.segment_schemes SET name = 'x' WHERE key = 'pos8'"));
        // v2 is unused: still editable at the database level (the API only ever adds versions).
        await harness.ScalarAsync<int>($"UPDATE scoring.segment_rules SET description = 'Top!' WHERE scheme_id = {v2.Id}");

        // Another business sees neither version.
        Assert.Null(await harness.Schemes.FindAsync(2, "vip", null, CancellationToken.None));
        Assert.Null(await harness.Schemes.GetAsync(2, v1.Id, CancellationToken.None));
    }

    [Fact]
    public void Invalid_definitions_are_rejected_with_every_problem()
    {
        var bad = new SegmentSchemeDefinition("pos8", " ", string.Empty, 5, new FallbackSegment("Others", "A", string.Empty, []),
        [
            new("A", "A", string.Empty, [], new(1, 6), new(1, 5), new(1, 5)),
            new("B", "B", string.Empty, [], new(3, 2), new(1, 5), new(0, 5)),
            new("", "B", string.Empty, [], new(1, 5), new(1, 5), new(1, 5)),
        ]);
        var errors = SchemeValidator.Validate(bad);
        Assert.Equal(
            ["RESERVED_KEY", "REQUIRED", "DUPLICATE_CODE", "INVALID_RANGE", "INVALID_RANGE", "INVALID_RANGE", "REQUIRED", "DUPLICATE_CODE"],
            errors.Select(e => e.Code));
        Assert.Equal(["rules", "0", "r"], errors[3].Field);
        Assert.Contains("1 <= min <= max <= 5", errors[3].Message, StringComparison.Ordinal);
        Assert.Equal("INVALID_KEY", SchemeValidator.Validate(Vip() with { Key = "Bad Key" }).Single().Code);
        Assert.Equal("INVALID_BINS", SchemeValidator.Validate(Vip() with { Bins = 11 }).First().Code);
        Assert.Equal("REQUIRED", SchemeValidator.Validate(Vip() with { Rules = [] }).Single().Code);
    }

    [Fact]
    public async Task Builtin_schemes_require_five_bins()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        var result = await harness.Runs.RequestAsync(new RfmRunRequest(1, Bins: 7, Scheme: "pos8"), CancellationToken.None);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("SCHEME_BINS_MISMATCH", "bins"), (error.Code, error.Field.Single()));
        Assert.Contains("written for 5 bins", error.Message, StringComparison.Ordinal);

        var defined = await harness.Schemes.DefineAsync(1, Vip(bins: 7, rMin: 6), CancellationToken.None);
        var seven = await harness.Runs.RequestAsync(new RfmRunRequest(1, Bins: 7, Scheme: "vip"), CancellationToken.None);
        Assert.True(seven.Succeeded);
        Assert.Equal((7, defined.Scheme!.Version), (seven.Run!.Bins, seven.Run.SchemeVersion));
    }
}
