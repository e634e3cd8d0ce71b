using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;
using RfmGraph.Scoring.Tests.Infrastructure;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests;

/// <summary>The recalculation job, fired by a real (in-memory) Quartz scheduler.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RecalculationJobTests(PostgresFixture postgres)
{
    private static async Task<IScheduler> StartSchedulerAsync(ScoringHarness harness)
    {
        var scheduler = await harness.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        return scheduler;
    }

    private static async Task<RfmRunInfo> WaitForAsync(ScoringHarness harness, Func<Task<RfmRunInfo?>> find)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await find() is { Status: RfmRunStatus.Succeeded or RfmRunStatus.Failed or RfmRunStatus.DryRun } run)
            {
                return run;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The job did not finish the run within 60 s.");
    }

    private static Action<IServiceCollection> InMemoryQuartz => services =>
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "scoring-tests-" + Guid.NewGuid().ToString("N"));
            q.UseInMemoryStore();
        });

    [Fact]
    public async Task The_job_executes_a_queued_run()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres, InMemoryQuartz);
        await harness.InsertSalesAsync(HandMadeData.Sales());
        var scheduler = await StartSchedulerAsync(harness);
        try
        {
            var queued = await harness.Runs.RequestAsync(new RfmRunRequest(1, AsOf: HandMadeData.AsOf, Days: 365), CancellationToken.None);
            await scheduler.ScheduleJob(
                JobBuilder.Create<RfmRecalculationJob>().WithIdentity(RfmRecalculationJob.Key).UsingJobData(RfmRecalculationJob.RunIdKey, queued.Run!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Build(),
                TriggerBuilder.Create().StartNow().Build());
            var run = await WaitForAsync(harness, () => harness.Runs.FindAsync(1, queued.Run.Id, CancellationToken.None));
            Assert.Equal((RfmRunStatus.Succeeded, 10L), (run.Status, run.CustomersScored!.Value));
            await scheduler.Shutdown(waitForJobsToComplete: true);   // the event is raised after commit, as the job ends
            Assert.Equal(run.Id, Assert.Single(harness.Published.Events).RunId);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    [Fact]
    public async Task A_scheduled_firing_requests_and_executes_a_run_from_its_data()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres, InMemoryQuartz);
        // Recent sales (the schedule scores "now"): two customers in storefront 11, one in 10.
        var now = DateTimeOffset.UtcNow;
        await harness.InsertSalesAsync([
            new Sale(1, 11, 1, now.AddDays(-1), 10m), new Sale(1, 11, 2, now.AddDays(-3), 20m), new Sale(1, 10, 3, now.AddDays(-2), 30m)]);
        var scheduler = await StartSchedulerAsync(harness);
        try
        {
            var job = JobBuilder.Create<RfmRecalculationJob>().WithIdentity(RfmRecalculationJob.Key)
                .UsingJobData(RfmRecalculationJob.BusinessIdKey, "1")
                .UsingJobData(RfmRecalculationJob.StorefrontIdKey, "11")
                .UsingJobData(RfmRecalculationJob.DaysKey, "30")
                .UsingJobData(RfmRecalculationJob.MethodKey, "NTILE")
                .UsingJobData(RfmRecalculationJob.SchemeKey, "rfgrid10")
                .Build();
            await scheduler.ScheduleJob(job, TriggerBuilder.Create().StartNow().Build());
            var run = await WaitForAsync(harness, async () =>
            {
                var id = await harness.ScalarAsync<long?>("SELECT max(id) FROM scoring.runs");
                return id is null ? null : await harness.Runs.FindAsync(1, id.Value, CancellationToken.None);
            });
            Assert.Equal((RfmRunStatus.Succeeded, 11L, ScoringMethod.Ntile, "rfgrid10", 2L), (run.Status, run.StorefrontId!.Value, run.Method, run.SchemeKey, run.CustomersScored!.Value));
            Assert.Equal(TimeSpan.FromDays(30), run.WindowTo - run.WindowFrom);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }
}
