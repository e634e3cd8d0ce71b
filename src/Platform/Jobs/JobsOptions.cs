using System.ComponentModel.DataAnnotations;

namespace RfmGraph.Platform.Jobs;

/// <summary>The Quartz scheduler of this Host instance (section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Jobs";

    /// <summary>Run jobs in this instance. Off: the instance can still schedule and trigger jobs for the others.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Name shared by every instance of the cluster (Quartz's sched_name).</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9_.-]{1,100}$", ErrorMessage = "must be 1-100 letters, digits, '.', '_' or '-'.")]
    public string SchedulerName { get; set; } = "RfmGraph";

    /// <summary>Unique id of this instance in the cluster; empty generates one (host name + ticks).</summary>
    public string? InstanceId { get; set; }

    /// <summary>Jobs this instance runs at once.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How often this instance tells the cluster it is alive.</summary>
    [Range(1, 600)]
    public int CheckinIntervalSeconds { get; set; } = 10;

    /// <summary>How long past a missed check-in another instance waits before taking over this one's jobs.</summary>
    [Range(1, 3600)]
    public int CheckinMisfireThresholdSeconds { get; set; } = 20;

    /// <summary>How long execution history is kept.</summary>
    [Range(1, 3650)]
    public int HistoryRetentionDays { get; set; } = 30;
}
