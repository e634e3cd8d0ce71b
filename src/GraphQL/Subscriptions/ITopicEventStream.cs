namespace RfmGraph.GraphQL.Subscriptions;

/// <summary>
/// Publish/subscribe by topic name: what subscription resolvers read their events from. The in-process
/// implementation (<see cref="InProcessTopicEventStream"/>) serves one Host; an implementation over Redis pub/sub
/// serves many Hosts behind the same interface.
/// </summary>
public interface ITopicEventStream
{
    /// <summary>Delivers <paramref name="message"/> to every current subscriber of <paramref name="topic"/>.</summary>
    ValueTask PublishAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// The messages published to <paramref name="topic"/> from now on, until <paramref name="cancellationToken"/> is
    /// cancelled or the enumeration is disposed. Messages of another type on the same topic are skipped.
    /// </summary>
    IAsyncEnumerable<TMessage> SubscribeAsync<TMessage>(string topic, CancellationToken cancellationToken = default);
}
