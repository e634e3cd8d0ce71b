using Microsoft.Extensions.DependencyInjection;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Sales.Contracts;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Host.Tests.Demo;

/// <summary>
/// Issue 2 item 6: the demo data set is rich enough that every segment of every built-in scheme gets members —
/// shown with the real scoring (default method, a year's window), not with a hand-made bucketing of the data.
/// </summary>
public sealed class DemoDataSegmentsTests(HostFixture host) : IClassFixture<HostFixture>
{
    // classic11 follows seed 004's CASE order, in which two rules can never win: every cell of New Customers
    // (R4–5, F1, M1–2) is taken first by Potential Loyalists (R4–5, F1–3, M1–3), and Lost (R1, F1, M1) by
    // Hibernating (R1–2, F1–2, M1–3). The scheme's coverage report lists both as shadowed; no data can fill them.
    private static readonly Dictionary<string, string[]> Unreachable = new()
    {
        ["pos8"] = [],
        ["classic11"] = ["NEW_CUSTOMERS", "LOST"],
        ["rfgrid10"] = [],
    };

    // Every rule code of the built-in schemes (migration scoring/0002), fallbacks aside.
    private static readonly Dictionary<string, string[]> RuleCodes = new()
    {
        ["pos8"] = ["R5F5M5", "R4F4M4", "R4F2M3", "R5F1M1", "R3F2M2", "R2F3M3", "R2F2M3", "R1F1M2"],
        ["classic11"] = ["CHAMPIONS", "LOYAL_CUSTOMERS", "POTENTIAL_LOYALISTS", "NEW_CUSTOMERS", "PROMISING", "NEED_ATTENTION",
            "ABOUT_TO_SLEEP", "AT_RISK", "CANNOT_LOSE_THEM", "HIBERNATING", "LOST"],
        ["rfgrid10"] = ["CHAMPIONS", "LOYAL_CUSTOMERS", "POTENTIAL_LOYALISTS", "NEW_CUSTOMERS", "PROMISING", "NEED_ATTENTION",
            "ABOUT_TO_SLEEP", "AT_RISK", "CANT_LOSE_THEM", "HIBERNATING"],
    };

    [Theory]
    [InlineData("pos8")]
    [InlineData("classic11")]
    [InlineData("rfgrid10")]
    public async Task Every_reachable_segment_of_a_built_in_scheme_gets_members(string scheme)
    {
        await using var factory = new RfmHostFactory(host.ConnectionString, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
        await using var scope = factory.Services.CreateAsyncScope();
        var demo = await scope.ServiceProvider.GetRequiredService<IDemoDataSeeder>()
            .SeedAsync(new DemoDataRequest(20_000, Seed: 42, BusinessKey: "demo-segments-" + scheme), null, CancellationToken.None);
        var runs = scope.ServiceProvider.GetRequiredService<IRfmRuns>();

        var queued = await runs.RequestAsync(
            new RfmRunRequest(demo.BusinessId, AsOf: new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Days: 365, Scheme: scheme, DryRun: true),
            CancellationToken.None);
        Assert.True(queued.Succeeded, string.Join("; ", queued.Errors.Select(e => e.Message)));
        var run = await runs.ExecuteAsync(queued.Run!.Id, null, CancellationToken.None);

        var populated = run.Segments.Where(s => s.Customers > 0).Select(s => s.Code).ToHashSet();
        Assert.Equal(RuleCodes[scheme].Except(Unreachable[scheme]).Order(), RuleCodes[scheme].Where(populated.Contains).Order());
        Assert.DoesNotContain(populated, code => Unreachable[scheme].Contains(code));
    }
}
