using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;
using RfmGraph.Scoring.Tests.Infrastructure;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests;

/// <summary>Start-up recovery: what a killed process leaves behind is failed or dropped, and nothing a live node owns is touched.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RecoveryTests(PostgresFixture postgres)
{
    private static RfmRunRequest Request() =>
        new(HandMadeData.Business, AsOf: HandMadeData.AsOf, Days: 365, Method: ScoringMethod.QuantileTies, Scheme: "pos8");

    private static Action<IServiceCollection> InMemoryQuartz => services =>
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "recovery-tests-" + Guid.NewGuid().ToString("N"));
            q.UseInMemoryStore();
        });

    /// <summary>What the Host does at start: every hosted service the module registered.</summary>
    private static async Task StartHostAsync(ScoringHarness harness)
    {
        var hosted = harness.Services.GetServices<IHostedService>().OfType<RunRecoveryService>();
        await Assert.Single(hosted).StartAsync(CancellationToken.None);
    }

    /// <summary>
    /// A worker that took the run's lock, claimed it and computed every score row in its transaction,
    /// then lost its process before publishing: PostgreSQL ends the session, which rolls the
    /// transaction back and frees the lock, exactly as when the Host is killed.
    /// </summary>
    private static async Task KillMidRunAsync(ScoringHarness harness, long runId)
    {
        var record = (await harness.RunStore.LoadAsync(runId, CancellationToken.None))!.Value.Record;
        var victim = await harness.DataSource.OpenConnectionAsync();
        await RunLock.AcquireAsync(victim, runId, CancellationToken.None);
        Assert.True(await RunStore.ClaimAsync(victim, runId, CancellationToken.None));
        var transaction = await victim.BeginTransactionAsync();
        var computed = await harness.Services.GetRequiredService<RfmCalculator>().ComputeAsync(victim, transaction, record, CancellationToken.None);
        Assert.Equal(10, computed.Customers);

        await using (var killer = await harness.DataSource.OpenConnectionAsync())
        await using (var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({victim.ProcessID})", killer))
        {
            Assert.Equal(true, await kill.ExecuteScalarAsync());
        }

        // The terminated backend needs a moment to finish rolling back and release its lock; until it is gone the
        // run still looks taken. The deadline only bounds a failure (a loaded machine can take seconds).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await harness.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE pid = {victim.ProcessID}") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the terminated backend {victim.ProcessID} is still there after 60 s");
            await Task.Delay(50);
        }

        try
        {
            await victim.DisposeAsync();
        }
        catch (NpgsqlException)
        {
            // Its server side is gone; that is the point.
        }
    }

    [Fact]
    public async Task A_run_killed_mid_computation_is_failed_at_start_up_and_the_published_run_stays_current()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(HandMadeData.Sales());
        var published = await harness.RunAsync(Request());
        var killed = (await harness.Runs.RequestAsync(Request(), CancellationToken.None)).Run!.Id;
        await KillMidRunAsync(harness, killed);
        Assert.Equal(RfmRunStatus.Running, (await harness.Runs.FindAsync(1, killed, CancellationToken.None))!.Status);

        await StartHostAsync(harness);

        var run = (await harness.Runs.FindAsync(1, killed, CancellationToken.None))!;
        Assert.Equal(RfmRunStatus.Failed, run.Status);
        Assert.Equal("Interrupted: the process computing the run stopped before it finished; nothing was published.", run.Error);
        Assert.Null(run.PublishedAt);
        // None of its rows survived; the previous run is still the one readers get, all of it.
        Assert.Null(await harness.ScalarAsync<string>($"SELECT to_regclass('scoring.customer_scores_{killed}')::text"));
        Assert.Null(await harness.ScalarAsync<string>($"SELECT to_regclass('scoring.run_values_{killed}')::text"));
        Assert.Equal(0L, await harness.ScalarAsync<long>($"SELECT count(*) FROM scoring.customer_scores WHERE run_id = {killed}"));
        Assert.Equal(published.Id, await harness.ScalarAsync<long>("SELECT run_id FROM scoring.current_runs WHERE business_id = 1 AND storefront_id IS NULL"));
        Assert.Equal(10, (await harness.ScoresAsync(published.Id)).Count);
        Assert.Equal(1470m, await harness.ScalarAsync<decimal>($"SELECT sum(monetary) FROM scoring.customer_scores WHERE run_id = {published.Id}"));

        // The scope works as before: the next run publishes and replaces it.
        var next = await harness.RunAsync(Request());
        Assert.Equal(RfmRunStatus.Succeeded, next.Status);
        Assert.Equal(next.Id, await harness.ScalarAsync<long>("SELECT run_id FROM scoring.current_runs WHERE business_id = 1 AND storefront_id IS NULL"));
    }

    [Fact]
    public async Task A_run_a_live_node_is_computing_is_left_alone()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        var live = (await harness.Runs.RequestAsync(Request(), CancellationToken.None)).Run!.Id;
        await using var worker = await harness.DataSource.OpenConnectionAsync();
        await RunLock.AcquireAsync(worker, live, CancellationToken.None);
        Assert.True(await RunStore.ClaimAsync(worker, live, CancellationToken.None));

        await StartHostAsync(harness);

        Assert.Equal(RfmRunStatus.Running, (await harness.Runs.FindAsync(1, live, CancellationToken.None))!.Status);
        await RunLock.ReleaseAsync(worker, live);
    }

    [Fact]
    public async Task Hosts_starting_together_fail_each_orphaned_run_exactly_once()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        var orphans = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var id = (await harness.Runs.RequestAsync(Request(), CancellationToken.None)).Run!.Id;
            await harness.ScalarAsync<int>($"UPDATE scoring.runs SET status = 'running', started_at = now() WHERE id = {id}");
            orphans.Add(id);
        }

        var recovery = harness.Services.GetRequiredService<RunRecovery>();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => recovery.RecoverAsync(CancellationToken.None))));

        Assert.Equal(orphans, results.SelectMany(r => r.FailedRunIds).Order().ToList());
        Assert.Equal(3L, await harness.ScalarAsync<long>("SELECT count(*) FROM scoring.runs WHERE status = 'failed' AND error LIKE 'Interrupted:%'"));
    }

    [Fact]
    public async Task A_stale_queued_run_without_a_trigger_is_failed_but_triggered_and_fresh_ones_wait()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres, InMemoryQuartz);
        var triggered = (await harness.Runs.RequestAsync(Request(), CancellationToken.None)).Run!.Id;
        var abandoned = (await harness.Runs.RequestAsync(Request(), CancellationToken.None)).Run!.Id;
        var fresh = (await harness.Runs.RequestAsync(Request(), CancellationToken.None)).Run!.Id;
        await harness.ScalarAsync<int>($"UPDATE scoring.runs SET requested_at = now() - interval '1 hour' WHERE id IN ({triggered}, {abandoned})");
        // The trigger requestRfmRecalculation creates, not fired yet (the scheduler is not started).
        var scheduler = await harness.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.ScheduleJob(
            JobBuilder.Create<RfmRecalculationJob>().WithIdentity(RfmRecalculationJob.Key).StoreDurably().Build(),
            TriggerBuilder.Create().ForJob(RfmRecalculationJob.Key)
                .UsingJobData(RfmRecalculationJob.RunIdKey, triggered.ToString(CultureInfo.InvariantCulture)).StartNow().Build());

        await StartHostAsync(harness);

        Assert.Equal(RfmRunStatus.Queued, (await harness.Runs.FindAsync(1, triggered, CancellationToken.None))!.Status);
        Assert.Equal(RfmRunStatus.Queued, (await harness.Runs.FindAsync(1, fresh, CancellationToken.None))!.Status);
        var failed = (await harness.Runs.FindAsync(1, abandoned, CancellationToken.None))!;
        Assert.Equal(RfmRunStatus.Failed, failed.Status);
        Assert.StartsWith("Abandoned: ", failed.Error, StringComparison.Ordinal);
        await scheduler.Shutdown();
    }

    [Fact]
    public async Task Without_a_scheduler_queued_runs_are_never_failed()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        var queued = (await harness.Runs.RequestAsync(Request(), CancellationToken.None)).Run!.Id;
        await harness.ScalarAsync<int>($"UPDATE scoring.runs SET requested_at = now() - interval '1 day' WHERE id = {queued}");

        await StartHostAsync(harness);

        Assert.Equal(RfmRunStatus.Queued, (await harness.Runs.FindAsync(1, queued, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Tables_left_by_an_interrupted_retention_are_dropped_and_current_ones_kept()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(HandMadeData.Sales());
        var old = await harness.RunAsync(Request());
        var current = await harness.RunAsync(Request());
        // Retention detached the old run's partition, then its process stopped before the drop; and a stray staging table.
        await harness.ScalarAsync<int>($"ALTER TABLE scoring.customer_scores DETACH PARTITION scoring.customer_scores_{old.Id}");
        await harness.ScalarAsync<int>("CREATE UNLOGGED TABLE scoring.run_values_424242 (customer_id bigint)");

        await StartHostAsync(harness);

        Assert.Null(await harness.ScalarAsync<string>($"SELECT to_regclass('scoring.customer_scores_{old.Id}')::text"));
        Assert.Null(await harness.ScalarAsync<string>("SELECT to_regclass('scoring.run_values_424242')::text"));
        Assert.Null(await harness.Runs.FindAsync(1, old.Id, CancellationToken.None));
        Assert.Equal(10, (await harness.ScoresAsync(current.Id)).Count);
        Assert.Equal(current.Id, await harness.ScalarAsync<long>("SELECT run_id FROM scoring.current_runs"));
    }
}
