using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;
using RfmGraph.Scoring.Tests.Infrastructure;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RunRequestTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static List<string> Codes(RfmRunRequest request) =>
        [.. RunRequestValidator.Validate(request, Now).Errors.Select(e => $"{string.Join('.', e.Field)}:{e.Code}")];

    [Fact]
    public void Defaults_are_a_90_day_window_ending_now()
    {
        var (asOf, from, to, errors) = RunRequestValidator.Validate(new RfmRunRequest(1), Now);
        Assert.Empty(errors);
        Assert.Equal((Now, Now.AddDays(-90), Now), (asOf, from, to));
    }

    [Fact]
    public void Bad_windows_bins_and_thresholds_are_user_errors()
    {
        Assert.Equal(["bins:INVALID_BINS"], Codes(new RfmRunRequest(1, Bins: 2)));
        Assert.Equal(["bins:INVALID_BINS"], Codes(new RfmRunRequest(1, Bins: 11)));
        Assert.Equal(["to:INVALID_WINDOW"], Codes(new RfmRunRequest(1, AsOf: Now, To: Now.AddDays(1))));
        Assert.Equal(["days:INVALID_WINDOW"], Codes(new RfmRunRequest(1, Days: 0)));
        Assert.Equal(["days:INVALID_WINDOW"], Codes(new RfmRunRequest(1, Days: 5, From: Now.AddDays(-3))));
        Assert.Equal(["from:INVALID_WINDOW"], Codes(new RfmRunRequest(1, From: Now.AddDays(1), To: Now)));
        Assert.Equal(["thresholds:THRESHOLDS_REQUIRED"], Codes(new RfmRunRequest(1, Method: ScoringMethod.FixedThresholds)));
        Assert.Equal(["thresholds:THRESHOLDS_NOT_ALLOWED"], Codes(new RfmRunRequest(1, Thresholds: new([1m], [1m], [1m]))));
        Assert.Equal(
            ["thresholds.recency:INVALID_THRESHOLDS", "thresholds.frequency:INVALID_THRESHOLDS", "thresholds.monetary:INVALID_THRESHOLDS"],
            Codes(new RfmRunRequest(1, Method: ScoringMethod.FixedThresholds,
                Thresholds: new([-1m, 5m, 10m, 20m], [1m, 2m, 2m, 3m], [1m, 2m, 3m]))));
        Assert.Equal([], Codes(new RfmRunRequest(1, Method: ScoringMethod.FixedThresholds,
            Thresholds: new([0m, 5m, 10m, 20m], [1m, 2m, 3m, 4m], [-10m, 0m, 0.5m, 1000m]))));
        Assert.Equal(["scheme:REQUIRED"], Codes(new RfmRunRequest(1, Scheme: " ")));
    }

    [Fact]
    public async Task Unknown_scheme_is_a_user_error_and_nothing_is_queued()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        var result = await harness.Runs.RequestAsync(new RfmRunRequest(1, Scheme: "nope"), CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Equal("SCHEME_NOT_FOUND", Assert.Single(result.Errors).Code);
        Assert.Equal(0L, await harness.ScalarAsync<long>("SELECT count(*) FROM scoring.runs"));
    }

    [Fact]
    public async Task A_queued_run_records_its_request()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        var result = await harness.Runs.RequestAsync(new RfmRunRequest(1, StorefrontId: 3, AsOf: Now, From: Now.AddDays(-30), Method: ScoringMethod.Ntile,
            Bins: 5, Scheme: "classic11", DryRun: true, RequestedBy: "test"), CancellationToken.None);
        var run = result.Run!;
        Assert.Equal((RfmRunStatus.Queued, 3L, ScoringMethod.Ntile, "classic11", 1, true), (run.Status, run.StorefrontId!.Value, run.Method, run.SchemeKey, run.SchemeVersion, run.DryRun));
        Assert.Equal((Now, Now.AddDays(-30), Now), (run.AsOf, run.WindowFrom, run.WindowTo));
        Assert.Null(await harness.Runs.FindAsync(2, run.Id, CancellationToken.None));   // another business cannot see it
    }
}
