using Quartz;

namespace RfmGraph.Platform.Jobs;

/// <summary>
/// What modules use to run background work. Jobs are ordinary Quartz <see cref="IJob"/> classes
/// registered with <see cref="JobsServiceCollectionExtensions.AddRfmJob{TJob}"/>; they run on
/// whichever Host instance of the cluster is free, exactly once per firing, in a DI scope of their
/// own whose <see cref="Tenancy.ITenantContext"/> is set to the business that scheduled them.
/// </summary>
/// <remarks>
/// Job data is string to string: it is stored as JSON in the shared job store, and strings are
/// what survives a rolling deploy where two versions of a job class read each other's data.
/// When the caller's scope has a tenant, <see cref="JobDataKeys.BusinessId"/> and
/// <see cref="JobDataKeys.BusinessKey"/> are added to the data automatically.
/// </remarks>
public interface IJobScheduler
{
    /// <summary>Runs the job once, as soon as an instance is free. Stores the job (durable) on first use.</summary>
    /// <returns>The key of the one-off trigger, to find the run in the execution history.</returns>
    Task<TriggerKey> TriggerNowAsync<TJob>(JobKey jobKey, IReadOnlyDictionary<string, string>? data = null, CancellationToken cancellationToken = default)
        where TJob : IJob;

    /// <summary>
    /// Runs the job on a Quartz cron expression (seconds first: <c>"0 0 3 * * ?"</c> is 03:00 daily).
    /// Scheduling the same <paramref name="scheduleName"/> again replaces its cron and data.
    /// </summary>
    /// <exception cref="FormatException">The cron expression is not valid.</exception>
    Task<TriggerKey> ScheduleCronAsync<TJob>(
        JobKey jobKey,
        string scheduleName,
        string cronExpression,
        IReadOnlyDictionary<string, string>? data = null,
        TimeZoneInfo? timeZone = null,
        CancellationToken cancellationToken = default)
        where TJob : IJob;

    /// <summary>Removes a schedule; false when there was none.</summary>
    Task<bool> UnscheduleAsync(TriggerKey schedule, CancellationToken cancellationToken = default);

    /// <summary>Stops every schedule of the job from firing until <see cref="ResumeAsync"/>.</summary>
    Task PauseAsync(JobKey jobKey, CancellationToken cancellationToken = default);

    /// <summary>Lets the job's schedules fire again (missed firings follow each trigger's misfire rule).</summary>
    Task ResumeAsync(JobKey jobKey, CancellationToken cancellationToken = default);
}
