using System.Globalization;
using Microsoft.Extensions.Logging;
using RfmGraph.GraphQL.Subscriptions;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;

namespace RfmGraph.Scoring.GraphQL.Events;

/// <summary>
/// Carries the <see cref="RfmRunPublished"/> integration event (raised by the run executor after the publishing
/// transaction committed) to <c>rfmRecalculated</c> subscribers through the engine's
/// <see cref="ITopicEventStream"/>. The topic is per business, so a subscriber can only ever be handed its own
/// business's runs; whichever stream implementation the Host registers (in-process now, Redis later) delivers it.
/// Without a stream (a CLI verb) the event is only logged.
/// </summary>
internal sealed partial class RfmRecalculatedTopic(ILogger<RfmRecalculatedTopic> logger, ITopicEventStream? stream = null) : IRunPublishedSink
{
    public static string For(long businessId) => "rfmRecalculated:" + businessId.ToString(CultureInfo.InvariantCulture);

    public async Task PublishAsync(RfmRunPublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        Log(logger, published.RunId, published.BusinessId, published.StorefrontId, published.CustomersScored, published.Duration.TotalMilliseconds);
        if (stream is not null)
        {
            await stream.PublishAsync(For(published.BusinessId), published, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RFM run {RunId} published for business {BusinessId}, storefront {StorefrontId}: {Customers} customers in {DurationMs} ms")]
    private static partial void Log(ILogger logger, long runId, long businessId, long? storefrontId, long customers, double durationMs);
}
