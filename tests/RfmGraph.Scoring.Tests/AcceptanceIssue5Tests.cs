using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;
using RfmGraph.Scoring.Tests.Infrastructure;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests;

/// <summary>
/// Issue 5 acceptance audit (docs/acceptance/issue-5.md): clauses no other test proved. Every
/// expected value is worked out by hand in the comments.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AcceptanceIssue5Tests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset AsOf = HandMadeData.AsOf;

    /// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class StageRecorder : IProgress<RfmRunProgress>
    {
        private readonly List<string> _stages = [];

        public IReadOnlyList<string> Stages
        {
            get
            {
                lock (_stages)
                {
                    return [.. _stages];
                }
            }
        }

        public void Report(RfmRunProgress value)
        {
            lock (_stages)
            {
                _stages.Add(value.Stage);
            }
        }
    }

    /// <summary>On each event, reads the scope's current run and the run's rows on a connection of its own.</summary>
    private sealed class CommittedStateProbe(NpgsqlDataSource dataSource) : IRunPublishedSink
    {
        public List<(long EventRunId, long? CurrentRunId, long VisibleRows, string Status)> Seen { get; } = [];

        public async Task PublishAsync(RfmRunPublished published, CancellationToken cancellationToken)
        {
            await using var command = dataSource.CreateCommand("""
                SELECT (SELECT run_id FROM scoring.current_runs WHERE business_id = @b AND storefront_id IS NULL),
                       (SELECT count(*) FROM scoring.customer_scores WHERE run_id = @r),
                       (SELECT status FROM scoring.runs WHERE id = @r)
                """);
            command.Parameters.AddWithValue("b", published.BusinessId);
            command.Parameters.AddWithValue("r", published.RunId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            Seen.Add((published.RunId, reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
        }
    }

    /// <summary>At a stage, reads from a session of its own what readers see while the run's transaction is still open.</summary>
    private sealed class ReaderProbe(NpgsqlDataSource dataSource, string stage) : IRunObserver
    {
        public List<(long? CurrentRunId, long NewRunRows, string Status)> Seen { get; } = [];

        public async ValueTask OnStageAsync(long runId, string reached, NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            if (reached != stage)
            {
                return;
            }

            await using var command = dataSource.CreateCommand("""
                SELECT (SELECT run_id FROM scoring.current_runs WHERE business_id = 1 AND storefront_id IS NULL),
                       (SELECT count(*) FROM scoring.customer_scores WHERE run_id = @r),
                       (SELECT status FROM scoring.runs WHERE id = @r)
                """);
            command.Parameters.AddWithValue("r", runId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            Seen.Add((reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
        }
    }

    [Fact]
    public async Task Until_the_publishing_commit_other_sessions_read_the_previous_run_and_none_of_the_new_rows()
    {
        ReaderProbe? probe = null;
        await using var harness = await ScoringHarness.CreateAsync(postgres, services =>
            services.AddSingleton<IRunObserver>(sp => probe = new ReaderProbe(sp.GetRequiredService<NpgsqlDataSource>(), "published")));
        await harness.InsertSalesAsync(HandMadeData.Sales());

        var first = await harness.RunAsync(new RfmRunRequest(1, AsOf: AsOf, Days: 365));
        var second = await harness.RunAsync(new RfmRunRequest(1, AsOf: AsOf, Days: 365, Method: ScoringMethod.Ntile));

        // "published" is reached after the rows are written, the partition attached and the pointer flipped, before commit.
        // Before the first run nothing is current; during the second the first stays current. Neither run's 10 rows show early.
        Assert.NotNull(probe);
        Assert.Equal([(null, 0L, "running"), ((long?)first.Id, 0L, "running")], probe.Seen);
        Assert.Equal(10, (await harness.ScoresAsync(second.Id)).Count);
    }

    [Fact]
    public async Task Progress_reports_computing_publishing_done_and_a_dry_run_skips_publishing()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(HandMadeData.Sales());

        var published = new StageRecorder();
        var queued = await harness.Runs.RequestAsync(new RfmRunRequest(1, AsOf: AsOf, Days: 365), CancellationToken.None);
        var run = await harness.Runs.ExecuteAsync(queued.Run!.Id, published, CancellationToken.None);
        Assert.Equal(RfmRunStatus.Succeeded, run.Status);
        Assert.Equal(["computing", "publishing", "done"], published.Stages);

        var dry = new StageRecorder();
        var dryQueued = await harness.Runs.RequestAsync(new RfmRunRequest(1, AsOf: AsOf, Days: 365, DryRun: true), CancellationToken.None);
        Assert.Equal(RfmRunStatus.DryRun, (await harness.Runs.ExecuteAsync(dryQueued.Run!.Id, dry, CancellationToken.None)).Status);
        Assert.Equal(["computing", "done"], dry.Stages);
    }

    [Fact]
    public async Task RfmRunPublished_is_raised_only_after_the_run_is_committed_and_visible_to_other_sessions()
    {
        CommittedStateProbe? probe = null;
        await using var harness = await ScoringHarness.CreateAsync(postgres, services =>
            services.AddSingleton<IRunPublishedSink>(sp => probe = new CommittedStateProbe(sp.GetRequiredService<NpgsqlDataSource>())));
        await harness.InsertSalesAsync(HandMadeData.Sales());

        var first = await harness.RunAsync(new RfmRunRequest(1, AsOf: AsOf, Days: 365));
        var second = await harness.RunAsync(new RfmRunRequest(1, AsOf: AsOf, Days: 365, Method: ScoringMethod.Ntile));

        // HandMadeData scores 10 customers; another session already sees each run as current, succeeded, with all its rows.
        Assert.NotNull(probe);
        Assert.Equal(
            [(first.Id, (long?)first.Id, 10L, "succeeded"), (second.Id, (long?)second.Id, 10L, "succeeded")],
            probe.Seen);
    }

    [Fact]
    public async Task A_from_to_window_ending_before_asOf_counts_only_its_sales_and_measures_recency_to_asOf()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync([
            new Sale(1, 10, 1, AsOf.AddDays(-40), 100m),   // in [asOf-60, asOf-10]
            new Sale(1, 10, 1, AsOf.AddDays(-5), 50m),     // after the window's end (but before asOf): not counted
            new Sale(1, 10, 2, AsOf.AddDays(-20), 30m),    // in
            new Sale(1, 10, 3, AsOf.AddDays(-61), 70m),    // before the window: customer 3 is not scored
            new Sale(1, 10, 4, AsOf.AddDays(-7), 90m),     // only after the window's end: customer 4 is not scored
        ]);

        var run = await harness.RunAsync(new RfmRunRequest(1, AsOf: AsOf, From: AsOf.AddDays(-60), To: AsOf.AddDays(-10), Scheme: "pos8"));
        Assert.Equal((AsOf, AsOf.AddDays(-60), AsOf.AddDays(-10)), (run.AsOf, run.WindowFrom, run.WindowTo));

        // Values: customer 1 last counted order 40 days before asOf (not 5, not 30), 1 order, 100; customer 2: 20, 1, 30.
        // QUANTILE_TIES, n = 2, N = 5. F and M cut point k = value at position ceil(2k/5) = 1, 1, 2, 2:
        //   F [1, 1, 1, 1] -> both F1; M over (30, 100) -> [30, 30, 100, 100]: 100 has two cut points below -> M3, 30 -> M1.
        // R cut point k = days at position 3 - ceil(2(5-k)/5) = 1, 1, 2, 2 of (20, 40) -> [20, 20, 40, 40]:
        //   R = 5 - cut points at or below the days: 40 -> 1, 20 -> 3.
        // pos8: (1, 1, 3) fails Hibernating (M<=2) and At Risk (F>=2); (3, 1, 1) is an R=3 gap: both Others.
        var scores = await harness.ScoresAsync(run.Id);
        Assert.Equal([1L, 2L], scores.Keys.Order());
        Assert.Equal((40, 1, 100m, 1, 1, 3, "OTHERS"), (scores[1].RecencyDays, scores[1].Frequency, scores[1].Monetary, scores[1].R, scores[1].F, scores[1].M, scores[1].Segment));
        Assert.Equal((20, 1, 30m, 3, 1, 1, "OTHERS"), (scores[2].RecencyDays, scores[2].Frequency, scores[2].Monetary, scores[2].R, scores[2].F, scores[2].M, scores[2].Segment));
        Assert.Equal([20m, 20m, 40m, 40m], run.CutPoints!.Recency);
        Assert.Equal([30m, 30m, 100m, 100m], run.CutPoints.Monetary);
        Assert.Equal(130m, run.TotalMonetary);
    }

    [Fact]
    public async Task Without_asOf_a_run_is_measured_to_now_over_the_90_day_default_window()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        var before = DateTimeOffset.UtcNow;
        await harness.InsertSalesAsync([
            new Sale(1, 10, 1, before.AddHours(-36), 20m),   // 1.5 days before now: recency 1
            new Sale(1, 10, 2, before.AddDays(-89), 10m),    // inside the default 90 days
            new Sale(1, 10, 3, before.AddDays(-91), 10m),    // outside it
        ]);

        var run = await harness.RunAsync(new RfmRunRequest(1));
        var after = DateTimeOffset.UtcNow;

        Assert.InRange(run.AsOf, before, after);
        Assert.Equal((run.AsOf, run.AsOf.AddDays(-90)), (run.WindowTo, run.WindowFrom));
        Assert.Equal((ScoringMethod.QuantileTies, 5, "pos8"), (run.Method, run.Bins, run.SchemeKey));   // the other defaults
        var scores = await harness.ScoresAsync(run.Id);
        Assert.Equal([1L, 2L], scores.Keys.Order());
        Assert.Equal((1, 89), (scores[1].RecencyDays, scores[2].RecencyDays));
    }

    [Fact]
    public async Task Builtin_texts_follow_the_seeds_pos8_actions_per_shorthand_and_classic11_descriptions_word_for_word()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);

        // Seed 000's table lists each pos8 segment's actions in shorthand; each stored action is one shorthand item, in order.
        var pos8 = (await harness.Schemes.FindAsync(1, "pos8", null, CancellationToken.None))!;
        var shorthand = new Dictionary<string, string[]>
        {
            ["Champions"] = ["VIP", "referral", "early access"],
            ["Loyal Customers"] = ["cross-sell", "exclusive deals", "feedback"],
            ["Potential Loyalists"] = ["nurture campaigns", "education", "incentives"],
            ["Promising"] = ["repeat purchase", "discounts"],
            ["At Risk"] = ["win-back offers", "churn prevention", "surveys"],
            ["Need Attention"] = ["re-engagement emails", "loyalty reminders"],
            ["New Customers"] = ["welcome series", "first purchase"],
            ["Hibernating"] = ["deep discounts", "re-activation", "sunset"],
        };
        Assert.Equal(shorthand.Keys, pos8.Rules.Select(r => r.Name));
        foreach (var rule in pos8.Rules)
        {
            var expected = shorthand[rule.Name];
            Assert.Equal(expected.Length, rule.RecommendedActions.Count);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Contains(expected[i], rule.RecommendedActions[i], StringComparison.OrdinalIgnoreCase);
            }

            Assert.False(string.IsNullOrWhiteSpace(rule.Description), rule.Name);
        }

        // Seed 004's segment list: "Name: ranges - description".
        var classic = (await harness.Schemes.FindAsync(1, "classic11", null, CancellationToken.None))!;
        Assert.Equal(
            [
                ("Champions", "High value, frequent, recent customers"),
                ("Loyal Customers", "Regular customers with good value"),
                ("Potential Loyalists", "Recent customers with potential"),
                ("New Customers", "Recent but low frequency/value"),
                ("Promising", "Recent customers with moderate value"),
                ("Need Attention", "Average customers at risk"),
                ("About to Sleep", "Low frequency, recent customers"),
                ("At Risk", "Previously frequent, now declining"),
                ("Cannot Lose Them", "High value but infrequent"),
                ("Hibernating", "Low activity, low value"),
                ("Lost", "No recent activity, low value"),
            ],
            classic.Rules.Select(r => (r.Name, r.Description)));
    }
}
