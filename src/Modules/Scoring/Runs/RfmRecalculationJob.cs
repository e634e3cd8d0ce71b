using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Runs;

/// <summary>
/// The Quartz job that executes RFM runs. Two kinds of firing:
/// <list type="bullet">
/// <item>with <see cref="RunIdKey"/>: execute that queued run (requestRfmRecalculation queues the
/// run, then triggers this job once);</item>
/// <item>without it (a cron schedule per business or storefront): request a run from the data
/// (<see cref="StorefrontIdKey"/>, <see cref="DaysKey"/>, <see cref="MethodKey"/>, <see cref="BinsKey"/>,
/// <see cref="SchemeKey"/>; business from the platform's "rfm.businessId") and execute it.</item>
/// </list>
/// Runs left 'running' by a dead process are marked failed first. [DisallowConcurrentExecution] is
/// not needed: each firing executes its own run, and claiming a run is atomic.
/// </summary>
internal sealed partial class RfmRecalculationJob(IRfmRuns runs, RunStore store, TimeProvider clock, ILogger<RfmRecalculationJob> logger) : IJob
{
    public static readonly JobKey Key = new("rfm-recalculation", "scoring");

    public const string RunIdKey = "scoring.runId";
    public const string BusinessIdKey = "rfm.businessId";
    public const string StorefrontIdKey = "scoring.storefrontId";
    public const string DaysKey = "scoring.days";
    public const string MethodKey = "scoring.method";
    public const string BinsKey = "scoring.bins";
    public const string SchemeKey = "scoring.scheme";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var recovered = await store.FailInterruptedAsync(cancellationToken);
        if (recovered > 0)
        {
            LogRecovered(logger, recovered);
        }

        long runId;
        if (Read(data, RunIdKey) is { } id)
        {
            runId = long.Parse(id, CultureInfo.InvariantCulture);
        }
        else
        {
            var request = ScheduledRequest(data);
            var queued = await runs.RequestAsync(request, cancellationToken);
            if (!queued.Succeeded)
            {
                // A schedule whose settings became invalid (e.g. its scheme was removed): retrying cannot help.
                throw new JobExecutionException(
                    $"Scheduled RFM recalculation for business {request.BusinessId} was rejected: {string.Join(" ", queued.Errors.Select(e => e.Message))}") { RefireImmediately = false };
            }

            runId = queued.Run!.Id;
        }

        try
        {
            var progress = new Progress<RfmRunProgress>(p => LogProgress(logger, p.RunId, p.Stage, p.Elapsed.TotalMilliseconds));
            var run = await runs.ExecuteAsync(runId, progress, cancellationToken);
            context.Result = run.Id;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("only queued runs", StringComparison.Ordinal))
        {
            // A re-fired trigger (e.g. recovered after an instance died) for a run that already ran.
            LogSkipped(logger, runId, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The run is already marked failed with the reason; the job history records it too.
            throw new JobExecutionException(ex) { RefireImmediately = false };
        }
    }

    private RfmRunRequest ScheduledRequest(JobDataMap data)
    {
        var business = Read(data, BusinessIdKey) ?? throw new JobExecutionException($"The RFM recalculation schedule has no '{BusinessIdKey}'.");
        return new RfmRunRequest(
            long.Parse(business, CultureInfo.InvariantCulture),
            StorefrontId: Read(data, StorefrontIdKey) is { } storefront ? long.Parse(storefront, CultureInfo.InvariantCulture) : null,
            AsOf: clock.GetUtcNow(),
            Days: Read(data, DaysKey) is { } days ? int.Parse(days, CultureInfo.InvariantCulture) : null,
            Method: Read(data, MethodKey) is { } method ? RunText.Method(method) : ScoringMethod.QuantileTies,
            Bins: Read(data, BinsKey) is { } bins ? int.Parse(bins, CultureInfo.InvariantCulture) : 5,
            Scheme: Read(data, SchemeKey) ?? "pos8",
            RequestedBy: "schedule");
    }

    private static string? Read(JobDataMap data, string key) =>
        data.TryGetValue(key, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marked {Count} interrupted RFM runs as failed")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "RFM run {RunId}: {Stage} after {ElapsedMs} ms")]
    private static partial void LogProgress(ILogger logger, long runId, string stage, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "RFM run {RunId} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, long runId, string reason);
}
