namespace RfmGraph.Scoring;

/// <summary>Settings of the Scoring module (configuration section "Scoring").</summary>
internal sealed class ScoringOptions
{
    public const string Section = "Scoring";

    /// <summary>work_mem for the computing transaction only (SET LOCAL): the window sorts of a 1M-customer run fit in memory.</summary>
    public string WorkMem { get; set; } = "256MB";

    /// <summary>maintenance_work_mem for the computing transaction: the run's primary key is built by one in-memory sort.</summary>
    public string MaintenanceWorkMem { get; set; } = "512MB";

    /// <summary>Published runs kept per scope (business + storefront-or-all), current run included; older ones and their scores are dropped.</summary>
    public int KeepRunsPerScope { get; set; } = 30;

    /// <summary>
    /// At start-up, a queued run requested longer ago than this and named by no scheduler trigger is
    /// failed as abandoned. Requests are claimed or triggered within milliseconds; the margin covers
    /// a request that is between its insert and its trigger while another Host starts.
    /// </summary>
    public int AbandonedQueuedRunSeconds { get; set; } = 300;

    /// <summary>Limit for the computing statement in seconds; 0 = none (cancellation still stops it).</summary>
    public int CommandTimeoutSeconds { get; set; }

    /// <summary>Problems with the configured values, one message each (empty when valid).</summary>
    public IEnumerable<string> Validate()
    {
        if (KeepRunsPerScope < 1)
        {
            yield return "Scoring:KeepRunsPerScope must be at least 1 (the current run is always kept).";
        }

        if (AbandonedQueuedRunSeconds < 0)
        {
            yield return "Scoring:AbandonedQueuedRunSeconds must be 0 or positive.";
        }

        if (CommandTimeoutSeconds < 0)
        {
            yield return "Scoring:CommandTimeoutSeconds must be 0 (no limit) or positive.";
        }

        foreach (var (name, value) in new[] { ("WorkMem", WorkMem), ("MaintenanceWorkMem", MaintenanceWorkMem) })
        {
            if (string.IsNullOrWhiteSpace(value) || !System.Text.RegularExpressions.Regex.IsMatch(value, "^[0-9]+(kB|MB|GB)$"))
            {
                yield return $"Scoring:{name} '{value}' must be a PostgreSQL memory size such as 64MB or 1GB.";
            }
        }
    }
}
