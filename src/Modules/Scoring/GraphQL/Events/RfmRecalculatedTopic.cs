using System.Globalization;
using RfmGraph.GraphQL.Subscriptions;
using RfmGraph.Platform.Events;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.GraphQL.Events;

/// <summary>
/// Forwards the <see cref="RfmRunPublished"/> integration event (raised after the publishing transaction committed)
/// to <c>rfmRecalculated</c> subscribers through the engine's <see cref="ITopicEventStream"/>. The topic is per
/// business, so a subscriber is only ever handed its own business's runs, on whichever Host instance it is
/// connected to when the Host's stream is Redis. Without a stream (a CLI verb) there is nobody to tell.
/// </summary>
internal sealed class RfmRecalculatedTopic(ITopicEventStream? stream = null) : IIntegrationEventHandler<RfmRunPublished>
{
    public static string For(long businessId) => "rfmRecalculated:" + businessId.ToString(CultureInfo.InvariantCulture);

    public async Task HandleAsync(RfmRunPublished integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (stream is not null)
        {
            await stream.PublishAsync(For(integrationEvent.BusinessId), integrationEvent, cancellationToken);
        }
    }
}
