using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;
using RfmGraph.Scoring.Tests.Infrastructure;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests;

/// <summary>Runs become visible all at once, or not at all.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PublishTests(PostgresFixture postgres)
{
    private static RfmRunRequest Request(bool dryRun = false, ScoringMethod method = ScoringMethod.QuantileTies) =>
        new(HandMadeData.Business, AsOf: HandMadeData.AsOf, Days: 365, Method: method, Scheme: "pos8", DryRun: dryRun);

    private static async Task<long?> CurrentRunAsync(ScoringHarness harness) =>
        await harness.ScalarAsync<long?>("SELECT run_id FROM scoring.current_runs WHERE business_id = 1 AND storefront_id IS NULL");

    private sealed class FailingObserver(string stage, Func<NpgsqlConnection, Task>? action = null) : IRunObserver
    {
        public bool Armed { get; set; }

        public async ValueTask OnStageAsync(long runId, string reached, NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            if (!Armed || reached != stage)
            {
                return;
            }

            if (action is not null)
            {
                await action(connection);
            }

            throw new InvalidOperationException($"injected failure at '{stage}'");
        }
    }

    [Fact]
    public async Task Publishing_switches_the_current_run_and_raises_the_event()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(HandMadeData.Sales());
        var first = await harness.RunAsync(Request(method: ScoringMethod.Ntile));
        Assert.Equal(first.Id, await CurrentRunAsync(harness));
        var second = await harness.RunAsync(Request());
        Assert.Equal(second.Id, await CurrentRunAsync(harness));
        Assert.NotNull(second.PublishedAt);
        Assert.NotNull(second.ComputeDuration);

        // Both runs stay readable (history); each has its own partition.
        Assert.Equal(10, (await harness.ScoresAsync(first.Id)).Count);
        Assert.Equal(10, (await harness.ScoresAsync(second.Id)).Count);

        var events = harness.Published.Events;
        Assert.Equal(2, events.Count);
        Assert.Null(events[0].PreviousRunId);
        Assert.Equal(first.Id, events[1].PreviousRunId);
        Assert.Equal(10, events[1].CustomersScored);
        // NTILE -> QUANTILE_TIES moved customer 10 from Others to Hibernating and customer 6 from Promising to Others:
        // Others 2 -> 2, Hibernating 1 -> 2, Promising 1 -> 0 (see HandMadeScoringTests).
        Assert.Contains(events[1].TopChanges, c => c is { Code: "R1F1M2", PreviousCustomers: 1, Customers: 2 });
        Assert.Contains(events[1].TopChanges, c => c is { Code: "R3F2M2", PreviousCustomers: 1, Customers: 0 });
        Assert.DoesNotContain(events[1].TopChanges, c => c.Code == "OTHERS");
    }

    [Fact]
    public async Task A_published_run_has_planner_statistics_before_anyone_reads_it()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(HandMadeData.Sales());

        var run = await harness.RunAsync(Request());

        // ANALYZE at publish: the partition's row estimate and per-segment statistics exist without autovacuum.
        Assert.Equal(10f, await harness.ScalarAsync<float>($"SELECT reltuples FROM pg_class WHERE oid = '{ScoringSql.RunTable(run.Id)}'::regclass"));
        Assert.True(await harness.ScalarAsync<bool>(
            $"SELECT EXISTS (SELECT 1 FROM pg_stats WHERE schemaname || '.' || tablename = '{ScoringSql.RunTable(run.Id)}' AND attname = 'segment_code')"));
    }

    [Fact]
    public async Task A_failure_mid_run_leaves_the_previous_run_current_and_nothing_of_the_new_one()
    {
        var observer = new FailingObserver("published");
        await using var harness = await ScoringHarness.CreateAsync(postgres, services => services.AddSingleton<IRunObserver>(observer));
        await harness.InsertSalesAsync(HandMadeData.Sales());
        var good = await harness.RunAsync(Request());

        observer.Armed = true;   // fail after the rows are written, attached and the pointer flipped — just before commit
        var queued = await harness.Runs.RequestAsync(Request(method: ScoringMethod.Ntile), CancellationToken.None);
        Assert.NotNull(queued.Run);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runs.ExecuteAsync(queued.Run!.Id, null, CancellationToken.None));
        Assert.Contains("injected failure", failure.Message, StringComparison.Ordinal);

        Assert.Equal(good.Id, await CurrentRunAsync(harness));
        var failed = (await harness.Runs.FindAsync(1, queued.Run.Id, CancellationToken.None))!;
        Assert.Equal(RfmRunStatus.Failed, failed.Status);
        Assert.Contains("injected failure", failed.Error, StringComparison.Ordinal);
        Assert.Null(failed.PublishedAt);
        Assert.Null(failed.CutPoints);
        Assert.Empty(await harness.ScoresAsync(queued.Run.Id));
        Assert.Null(await harness.ScalarAsync<string>($"SELECT to_regclass('scoring.customer_scores_{queued.Run.Id}')::text"));
        Assert.Equal(10, (await harness.ScoresAsync(good.Id)).Count);
        Assert.Single(harness.Published.Events);
    }

    [Fact]
    public async Task A_killed_session_marks_the_run_failed_and_publishes_nothing()
    {
        // Terminate the computing backend from another connection, as if the worker's process died mid-run.
        var observer = new FailingObserver("computed", async connection =>
        {
            var pid = connection.ProcessID;
            await using var other = new NpgsqlConnection(connection.ConnectionString);
            await other.OpenAsync();
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid})", other);
            await kill.ExecuteNonQueryAsync();
        });
        await using var harness = await ScoringHarness.CreateAsync(postgres, services => services.AddSingleton<IRunObserver>(observer));
        await harness.InsertSalesAsync(HandMadeData.Sales());
        observer.Armed = true;
        var queued = await harness.Runs.RequestAsync(Request(), CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => harness.Runs.ExecuteAsync(queued.Run!.Id, null, CancellationToken.None));

        var run = (await harness.Runs.FindAsync(1, queued.Run!.Id, CancellationToken.None))!;
        Assert.Equal(RfmRunStatus.Failed, run.Status);
        Assert.Null(await CurrentRunAsync(harness));
        Assert.Null(await harness.ScalarAsync<string>($"SELECT to_regclass('scoring.customer_scores_{run.Id}')::text"));
    }

    [Fact]
    public async Task A_run_left_running_by_a_dead_process_is_recovered_as_failed()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        var queued = await harness.Runs.RequestAsync(Request(), CancellationToken.None);
        // What a process killed between claiming and committing leaves behind: status running, no session holding its lock.
        await harness.ScalarAsync<int>($"UPDATE scoring.runs SET status = 'running', started_at = now() WHERE id = {queued.Run!.Id}");
        Assert.Equal(1, await harness.RunStore.FailInterruptedAsync(CancellationToken.None));
        var run = (await harness.Runs.FindAsync(1, queued.Run.Id, CancellationToken.None))!;
        Assert.Equal(RfmRunStatus.Failed, run.Status);
        Assert.StartsWith("Interrupted", run.Error, StringComparison.Ordinal);

        // A run whose session is alive (holds the lock) is left alone.
        var live = await harness.Runs.RequestAsync(Request(), CancellationToken.None);
        await harness.ScalarAsync<int>($"UPDATE scoring.runs SET status = 'running' WHERE id = {live.Run!.Id}");
        await using var worker = await harness.DataSource.OpenConnectionAsync();
        await RunLock.AcquireAsync(worker, live.Run.Id, CancellationToken.None);
        Assert.Equal(0, await harness.RunStore.FailInterruptedAsync(CancellationToken.None));
        await RunLock.ReleaseAsync(worker, live.Run.Id);
    }

    [Fact]
    public async Task A_dry_run_reports_the_summary_and_writes_no_scores()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(HandMadeData.Sales());
        var dry = await harness.RunAsync(Request(dryRun: true));

        Assert.Equal(RfmRunStatus.DryRun, dry.Status);
        Assert.Equal(10, dry.CustomersScored);
        Assert.Equal(1470m, dry.TotalMonetary);
        Assert.Equal([3m, 30m, 60m, 120m], dry.CutPoints!.Recency);
        Assert.Equal(2, dry.Segments.Single(s => s.Code == "R5F5M5").Customers);
        Assert.Null(dry.PublishedAt);
        Assert.Null(await CurrentRunAsync(harness));
        Assert.Empty(await harness.ScoresAsync(dry.Id));
        Assert.Null(await harness.ScalarAsync<string>($"SELECT to_regclass('scoring.customer_scores_{dry.Id}')::text"));
        Assert.Empty(harness.Published.Events);
    }

    [Fact]
    public async Task Only_queued_runs_execute()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(HandMadeData.Sales());
        var done = await harness.RunAsync(Request());
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runs.ExecuteAsync(done.Id, null, CancellationToken.None));
        Assert.Contains("only queued runs", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_keeps_the_newest_runs_per_scope_and_drops_older_partitions()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres, settings: new Dictionary<string, string?> { ["Scoring:KeepRunsPerScope"] = "2" });
        await harness.InsertSalesAsync(HandMadeData.Sales());
        var runs = new List<RfmRunInfo>();
        for (var i = 0; i < 4; i++)
        {
            runs.Add(await harness.RunAsync(Request()));
        }

        var storefrontRun = await harness.RunAsync(Request() with { StorefrontId = 11 });

        var remaining = await harness.ScalarAsync<long[]>("SELECT array_agg(id ORDER BY id) FROM scoring.runs");
        Assert.Equal([runs[2].Id, runs[3].Id, storefrontRun.Id], remaining!);
        Assert.Null(await harness.ScalarAsync<string>($"SELECT to_regclass('scoring.customer_scores_{runs[0].Id}')::text"));
        Assert.Empty(await harness.ScoresAsync(runs[1].Id));
        Assert.Equal(10, (await harness.ScoresAsync(runs[3].Id)).Count);
    }
}
