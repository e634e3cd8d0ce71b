namespace RfmGraph.GraphQL.Subscriptions;

/// <summary>Buffering of <see cref="InProcessTopicEventStream"/>.</summary>
public sealed class TopicEventStreamOptions
{
    /// <summary>
    /// Messages buffered per subscriber. A publisher never waits for a slow subscriber: when a subscriber's buffer is
    /// full its oldest message is dropped (and counted), so memory stays bounded by subscribers × capacity. Default 256.
    /// </summary>
    public int SubscriberCapacity { get; set; } = 256;
}
