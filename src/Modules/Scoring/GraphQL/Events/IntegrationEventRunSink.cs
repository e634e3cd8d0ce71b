using Microsoft.Extensions.Logging;
using RfmGraph.Platform.Events;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;

namespace RfmGraph.Scoring.GraphQL.Events;

/// <summary>
/// Where the run executor's published runs go: a log line, then the platform's integration event bus, whose
/// handlers (e.g. <see cref="RfmRecalculatedTopic"/>) react to <see cref="RfmRunPublished"/>. The executor calls the
/// sink only after its transaction committed.
/// </summary>
internal sealed partial class IntegrationEventRunSink(IIntegrationEventBus bus, ILogger<IntegrationEventRunSink> logger) : IRunPublishedSink
{
    public Task PublishAsync(RfmRunPublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        Log(logger, published.RunId, published.BusinessId, published.StorefrontId, published.CustomersScored, published.Duration.TotalMilliseconds);
        return bus.PublishAsync(published, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RFM run {RunId} published for business {BusinessId}, storefront {StorefrontId}: {Customers} customers in {DurationMs} ms")]
    private static partial void Log(ILogger logger, long runId, long businessId, long? storefrontId, long customers, double durationMs);
}
