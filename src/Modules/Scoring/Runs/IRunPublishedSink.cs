using Microsoft.Extensions.Logging;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Runs;

/// <summary>Where <see cref="RfmRunPublished"/> goes after the publishing transaction committed.</summary>
internal interface IRunPublishedSink
{
    Task PublishAsync(RfmRunPublished published, CancellationToken cancellationToken);
}

/// <summary>Default sink until the platform event bus carries integration events: a structured log line.</summary>
internal sealed partial class LoggingRunPublishedSink(ILogger<LoggingRunPublishedSink> logger) : IRunPublishedSink
{
    public Task PublishAsync(RfmRunPublished published, CancellationToken cancellationToken)
    {
        Log(logger, published.RunId, published.BusinessId, published.StorefrontId, published.CustomersScored, published.Duration.TotalMilliseconds);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RFM run {RunId} published for business {BusinessId}, storefront {StorefrontId}: {Customers} customers in {DurationMs} ms")]
    private static partial void Log(ILogger logger, long runId, long businessId, long? storefrontId, long customers, double durationMs);
}
