using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace RfmGraph.GraphQL.Subscriptions;

/// <summary>
/// <see cref="ITopicEventStream"/> inside one process: one bounded channel per subscriber (drop-oldest when full,
/// see <see cref="TopicEventStreamOptions.SubscriberCapacity"/>). Thread-safe; register it as a singleton.
/// </summary>
public sealed class InProcessTopicEventStream(TopicEventStreamOptions? options = null) : ITopicEventStream
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscriber, byte>> _topics = new(StringComparer.Ordinal);
    private readonly int _capacity = Math.Max(1, (options ?? new TopicEventStreamOptions()).SubscriberCapacity);
    private long _dropped;

    /// <summary>Messages dropped so far because a subscriber's buffer was full.</summary>
    public long DroppedMessages => Interlocked.Read(ref _dropped);

    /// <summary>The number of current subscribers of <paramref name="topic"/>.</summary>
    public int SubscriberCount(string topic) => _topics.TryGetValue(topic, out var subscribers) ? subscribers.Count : 0;

    /// <inheritdoc />
    public ValueTask PublishAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (_topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var subscriber in subscribers.Keys)
            {
                subscriber.Offer(message, ref _dropped);
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TMessage> SubscribeAsync<TMessage>(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        // Registered before the first MoveNext, so nothing published after this call is missed.
        var subscriber = new Subscriber(_capacity);
        _topics.GetOrAdd(topic, _ => new ConcurrentDictionary<Subscriber, byte>()).TryAdd(subscriber, 0);
        return ReadAsync<TMessage>(topic, subscriber, cancellationToken);
    }

    private async IAsyncEnumerable<TMessage> ReadAsync<TMessage>(string topic, Subscriber subscriber, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in subscriber.Channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (message is TMessage typed)
                {
                    yield return typed;
                }
            }
        }
        finally
        {
            if (_topics.TryGetValue(topic, out var subscribers))
            {
                subscribers.TryRemove(subscriber, out _);
            }
        }
    }

    private sealed class Subscriber(int capacity)
    {
        public Channel<object?> Channel { get; } = System.Threading.Channels.Channel.CreateBounded<object?>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

        public void Offer(object? message, ref long dropped)
        {
            // Drop-oldest by hand (instead of FullMode.DropOldest) so drops can be counted; hence SingleReader = false.
            while (!Channel.Writer.TryWrite(message))
            {
                if (Channel.Reader.TryRead(out _))
                {
                    Interlocked.Increment(ref dropped);
                }
            }
        }
    }
}
