using System.Globalization;
using Quartz;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Platform.Jobs;

/// <summary><see cref="IJobScheduler"/> over the clustered Quartz scheduler of this process.</summary>
internal sealed class QuartzJobScheduler(ISchedulerFactory schedulers, ITenantContext tenant, TimeProvider clock) : IJobScheduler
{
    public async Task<TriggerKey> TriggerNowAsync<TJob>(JobKey jobKey, IReadOnlyDictionary<string, string>? data = null, CancellationToken cancellationToken = default)
        where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(jobKey);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await EnsureJobAsync<TJob>(scheduler, jobKey, cancellationToken);

        // A uniquely named one-shot trigger rather than IScheduler.TriggerJob, so the caller gets a
        // key to look the run up by and the trigger carries the tenant like every other firing.
        var key = new TriggerKey($"now-{Guid.NewGuid():N}", jobKey.Group);
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(key)
            .ForJob(jobKey)
            .UsingJobData(BuildData(data))
            .StartNow()
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
        return key;
    }

    public async Task<TriggerKey> ScheduleCronAsync<TJob>(
        JobKey jobKey,
        string scheduleName,
        string cronExpression,
        IReadOnlyDictionary<string, string>? data = null,
        TimeZoneInfo? timeZone = null,
        CancellationToken cancellationToken = default)
        where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(jobKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheduleName);
        if (!CronExpression.TryParse(cronExpression, out _))
        {
            throw new FormatException($"'{cronExpression}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]).");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await EnsureJobAsync<TJob>(scheduler, jobKey, cancellationToken);
        var key = new TriggerKey(scheduleName, jobKey.Group);
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(key)
            .ForJob(jobKey)
            .UsingJobData(BuildData(data))
            .WithSchedule(CronScheduleBuilder.Create(cronExpression).InTimeZone(timeZone ?? TimeZoneInfo.Utc))
            .Build();

        if (await scheduler.Exists(key, cancellationToken))
        {
            await scheduler.RescheduleJob(key, trigger, cancellationToken);
        }
        else
        {
            await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
        }

        return key;
    }

    public async Task<bool> UnscheduleAsync(TriggerKey schedule, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.UnscheduleJob(schedule, cancellationToken);
    }

    public async Task PauseAsync(JobKey jobKey, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.PauseJob(jobKey, cancellationToken);
    }

    public async Task ResumeAsync(JobKey jobKey, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ResumeJob(jobKey, cancellationToken);
    }

    private static async Task EnsureJobAsync<TJob>(IScheduler scheduler, JobKey jobKey, CancellationToken cancellationToken)
        where TJob : IJob
    {
        if (await scheduler.Exists(jobKey, cancellationToken))
        {
            return;
        }

        var job = JobBuilder.Create<TJob>().WithIdentity(jobKey).StoreDurably().RequestRecovery().Build();
        try
        {
            await scheduler.AddJob(job, cancellationToken: cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another instance stored it between our check and our insert: same job, nothing to do.
        }
    }

    private JobDataMap BuildData(IReadOnlyDictionary<string, string>? data)
    {
        var map = new JobDataMap();
        if (tenant.IsResolved)
        {
            map.Add(JobDataKeys.BusinessId, tenant.BusinessId.ToString(CultureInfo.InvariantCulture));
            map.Add(JobDataKeys.BusinessKey, tenant.BusinessKey);
        }

        foreach (var (name, value) in data ?? new Dictionary<string, string>())
        {
            map[name] = value;
        }

        return map;
    }
}
