using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Quartz;
using RfmGraph.Platform.Database;
using RfmGraph.Platform.Jobs;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Testing;

namespace RfmGraph.Platform.Tests.Jobs;

/// <summary>Two Host instances sharing one database: what one schedules, the cluster runs once.</summary>
public sealed class ClusteredJobsTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    /// <summary>
    /// Bounds waits that only a failure reaches. A trigger stored through another instance is found by the running
    /// one at its next poll, up to Quartz's 30 s idle wait later; a loaded machine adds to that.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_job_triggered_through_an_instance_in_standby_runs_once_on_the_other()
    {
        var database = await MigratedAsync("jobs_standby");
        await using var a = BuildInstance(database, "instance-a");
        await using var b = BuildInstance(database, "instance-b");
        var schedulerA = await a.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var schedulerB = await b.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await schedulerB.Start();
        Assert.NotEqual(SchedulerStatus.Running, schedulerA.Status);

        await using (var scope = a.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(42, "acme");
            await scope.ServiceProvider.GetRequiredService<IJobScheduler>()
                .TriggerNowAsync<RecordingJob>(new JobKey("record", "tests"), new Dictionary<string, string> { ["marker"] = "once" });
        }

        var rows = await WaitForRowsAsync(database, "once", expected: 1);
        // Give a (wrong) second execution time to show up before asserting there is none.
        await Task.Delay(TimeSpan.FromSeconds(3));
        rows = await ReadRowsAsync(database, "once");

        var run = Assert.Single(rows);
        Assert.Equal("instance-b", run.Instance);
        Assert.Equal(42, run.BusinessId);
        Assert.Equal("acme", run.BusinessKey);

        await schedulerB.Shutdown(waitForJobsToComplete: true);
        await schedulerA.Shutdown(waitForJobsToComplete: false);
    }

    [Fact]
    public async Task A_cron_schedule_fires_once_per_firing_across_two_running_instances_and_history_is_kept()
    {
        var database = await MigratedAsync("jobs_cron");
        await using var a = BuildInstance(database, "instance-a");
        await using var b = BuildInstance(database, "instance-b");
        var schedulerA = await a.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var schedulerB = await b.GetRequiredService<ISchedulerFactory>().GetScheduler();

        TriggerKey schedule;
        await using (var scope = a.CreateAsyncScope())
        {
            schedule = await scope.ServiceProvider.GetRequiredService<IJobScheduler>()
                .ScheduleCronAsync<RecordingJob>(new JobKey("record-cron", "tests"), "every-second", "* * * * * ?", new Dictionary<string, string> { ["marker"] = "cron" });
        }

        await schedulerA.Start();
        await schedulerB.Start();
        await WaitForRowsAsync(database, "cron", expected: 6);
        await using (var scope = b.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<IJobScheduler>().UnscheduleAsync(schedule));
        }

        await schedulerA.Shutdown(waitForJobsToComplete: true);
        await schedulerB.Shutdown(waitForJobsToComplete: true);

        var rows = await ReadRowsAsync(database, "cron");
        Assert.True(rows.Count >= 6);
        // Every scheduled fire time ran exactly once, whichever instance took it.
        Assert.All(rows.GroupBy(r => r.ScheduledAt), g => Assert.Single(g));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var history = new NpgsqlCommand(
            "SELECT count(*) FROM quartz.qrtz_execution_history WHERE job_name = 'record-cron' AND succeeded", connection);
        Assert.True((long)(await history.ExecuteScalarAsync())! >= 1, "execution history is written to the database");
    }

    [Fact]
    public async Task Paused_jobs_do_not_fire_until_resumed()
    {
        var database = await MigratedAsync("jobs_pause");
        await using var a = BuildInstance(database, "instance-a");
        var scheduler = await a.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = new JobKey("record-paused", "tests");
        await using var scope = a.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
        await jobs.ScheduleCronAsync<RecordingJob>(job, "paused-every-second", "* * * * * ?", new Dictionary<string, string> { ["marker"] = "paused" });
        await jobs.PauseAsync(job);
        await scheduler.Start();

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(await ReadRowsAsync(database, "paused"));

        await jobs.ResumeAsync(job);
        await WaitForRowsAsync(database, "paused", expected: 1);
        await scheduler.Shutdown(waitForJobsToComplete: true);
    }

    [Fact]
    public async Task A_bad_cron_expression_is_refused_with_a_clear_message()
    {
        var database = await MigratedAsync("jobs_badcron");
        await using var a = BuildInstance(database, "instance-a");
        await using var scope = a.CreateAsyncScope();

        var error = await Assert.ThrowsAsync<FormatException>(() => scope.ServiceProvider.GetRequiredService<IJobScheduler>()
            .ScheduleCronAsync<RecordingJob>(new JobKey("bad", "tests"), "bad", "every day at noon"));
        Assert.Equal("'every day at noon' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]).", error.Message);
    }

    private static ServiceProvider BuildInstance(string database, string instanceId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:InstanceId"] = instanceId,
            ["Jobs:CheckinIntervalSeconds"] = "2",
            // An instance that misses its check-in by more than this is taken for dead and its fired triggers are
            // recovered by the other, which can run a firing twice. No test here kills an instance, so only a
            // false alarm could reach it: a busy machine stalling a check-in for a few seconds.
            ["Jobs:CheckinMisfireThresholdSeconds"] = "300",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostApplicationLifetime, TestLifetime>();
        services.AddSingleton(NpgsqlDataSource.Create(database));
        services.AddSingleton<System.Data.Common.DbDataSource>(sp => sp.GetRequiredService<NpgsqlDataSource>());
        services.AddSingleton(new RecordingJob.Target(database, instanceId));
        services.AddRfmJobs(configuration);
        services.AddRfmJob<RecordingJob>();
        return services.BuildServiceProvider();
    }

    private async Task<string> MigratedAsync(string name)
    {
        var database = await postgres.CreateDatabaseAsync(name);
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(database, [PlatformModule.Migrations]);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            CREATE TABLE job_runs (
                marker text NOT NULL, instance text NOT NULL, scheduled_at timestamptz NULL,
                business_id bigint NULL, business_key text NULL, ran_at timestamptz NOT NULL DEFAULT clock_timestamp())
            """, connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    private static async Task<List<JobRun>> WaitForRowsAsync(string database, string marker, int expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var rows = await ReadRowsAsync(database, marker);
            if (rows.Count >= expected)
            {
                return rows;
            }

            Assert.True(DateTime.UtcNow < deadline, $"expected {expected} run(s) of '{marker}' within {Patience.TotalSeconds} s, saw {rows.Count}");
            await Task.Delay(200);
        }
    }

    private static async Task<List<JobRun>> ReadRowsAsync(string database, string marker)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT instance, scheduled_at, business_id, business_key FROM job_runs WHERE marker = @m", connection);
        command.Parameters.AddWithValue("m", marker);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<JobRun>();
        while (await reader.ReadAsync())
        {
            rows.Add(new JobRun(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }

    private sealed record JobRun(string Instance, DateTimeOffset? ScheduledAt, long? BusinessId, string? BusinessKey);

    private sealed class TestLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }
}

/// <summary>Writes one row per execution: which instance ran it, for which firing and which tenant.</summary>
public sealed class RecordingJob(RecordingJob.Target target, ITenantContext tenant) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(target.Database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO job_runs (marker, instance, scheduled_at, business_id, business_key) VALUES (@marker, @instance, @scheduled, @business_id, @business_key)", connection);
        command.Parameters.AddWithValue("marker", context.MergedJobDataMap.TryGetValue("marker", out var marker) ? marker?.ToString() ?? "" : "");
        command.Parameters.AddWithValue("instance", target.InstanceId);
        command.Parameters.AddWithValue("scheduled", (object?)context.ScheduledFireTimeUtc ?? DBNull.Value);
        command.Parameters.AddWithValue("business_id", tenant.IsResolved ? tenant.BusinessId : DBNull.Value);
        command.Parameters.AddWithValue("business_key", tenant.IsResolved ? tenant.BusinessKey : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Where to record, and as whom.</summary>
    public sealed record Target(string Database, string InstanceId);
}
