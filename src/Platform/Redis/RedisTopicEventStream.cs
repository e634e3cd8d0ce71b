using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RfmGraph.GraphQL.Subscriptions;

namespace RfmGraph.Platform.Redis;

/// <summary>
/// <see cref="ITopicEventStream"/> across Host instances: a message published on any instance reaches the
/// subscribers of every instance. Publishing is a Redis PUBLISH of a small JSON envelope (the message's type name
/// and the message as JSON) on <c>{prefix}{topic}</c>; each instance subscribes once per topic that has local
/// subscribers and fans the envelope out in-process, with the in-process stream's bounded, drop-oldest buffers —
/// so a slow GraphQL client never makes Redis or other subscribers wait.
/// A subscriber receives the messages whose published type is exactly <c>TMessage</c> (or every message when
/// <c>TMessage</c> is <see cref="JsonElement"/>); messages must round-trip through System.Text.Json.
/// </summary>
public sealed class RedisTopicEventStream : ITopicEventStream, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly RedisClient _publisher;
    private readonly RedisSubscriber _subscriber;
    private readonly InProcessTopicEventStream _local;
    private readonly ILogger _logger;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, TopicSubscription> _topics = new(StringComparer.Ordinal);
    private readonly Lock _topicsLock = new();

    public RedisTopicEventStream(RedisClient publisher, TopicEventStreamOptions? options, ILogger<RedisTopicEventStream> logger)
    {
        _publisher = publisher;
        _logger = logger;
        _prefix = publisher.Options.ChannelPrefix;
        _local = new InProcessTopicEventStream(options);
        _subscriber = new RedisSubscriber(publisher.Options, OnRedisMessage, logger);
    }

    /// <summary>Redis reconnections of the subscriber connection so far.</summary>
    public int Reconnections => _subscriber.Reconnections;

    /// <summary>Messages dropped because a local subscriber's buffer was full.</summary>
    public long DroppedMessages => _local.DroppedMessages;

    /// <inheritdoc />
    public async ValueTask PublishAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var envelope = JsonSerializer.SerializeToUtf8Bytes(
            new Envelope(TypeName(typeof(TMessage)), JsonSerializer.SerializeToElement(message, Json)), Json);
        var channel = System.Text.Encoding.UTF8.GetBytes(_prefix + topic);
        await _publisher.ExecuteAsync([(ReadOnlyMemory<byte>)"PUBLISH"u8.ToArray(), channel, envelope], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TMessage> SubscribeAsync<TMessage>(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        // The local registration happens now (nothing delivered after Redis confirms is missed); the Redis
        // SUBSCRIBE is started now and awaited before the first element.
        var local = _local.SubscribeAsync<Envelope>(topic, cancellationToken);
        var subscribed = Acquire(topic);
        return ReadAsync<TMessage>(topic, local, subscribed, cancellationToken);
    }

    private async IAsyncEnumerable<TMessage> ReadAsync<TMessage>(
        string topic, IAsyncEnumerable<Envelope> local, Task subscribed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var wanted = TypeName(typeof(TMessage));
        var everything = typeof(TMessage) == typeof(JsonElement);
        try
        {
            await subscribed.WaitAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var envelope in local.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (everything || envelope.Type == wanted)
                {
                    var message = Deserialize<TMessage>(topic, envelope);
                    if (message is not null)
                    {
                        yield return message;
                    }
                }
            }
        }
        finally
        {
            await ReleaseAsync(topic).ConfigureAwait(false);
        }
    }

    private TMessage? Deserialize<TMessage>(string topic, Envelope envelope)
    {
        try
        {
            return envelope.Message.Deserialize<TMessage>(Json);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Skipped a {Type} message on topic {Topic} that does not deserialize.", envelope.Type, topic);
            return default;
        }
    }

    // Reference-counts local subscribers per topic: the first one subscribes in Redis, the last one unsubscribes.
    private Task Acquire(string topic)
    {
        lock (_topicsLock)
        {
            var subscription = _topics.GetOrAdd(topic, static _ => new TopicSubscription());
            if (subscription.Count++ == 0 || subscription.Subscribed.IsFaulted)
            {
                subscription.Subscribed = _subscriber.SubscribeAsync(_prefix + topic);
            }
            return subscription.Subscribed;
        }
    }

    private async Task ReleaseAsync(string topic)
    {
        var last = false;
        lock (_topicsLock)
        {
            if (_topics.TryGetValue(topic, out var subscription) && --subscription.Count == 0)
            {
                _topics.TryRemove(topic, out _);
                last = true;
            }
        }
        if (last)
        {
            await _subscriber.UnsubscribeAsync(_prefix + topic).ConfigureAwait(false);
        }
    }

    private void OnRedisMessage(string channel, byte[] payload)
    {
        if (!channel.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return;
        }
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(payload, Json);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Ignored a message on Redis channel {Channel} that is not an RfmGraph event envelope.", channel);
            return;
        }
        if (envelope is { Type: not null })
        {
            // Never blocks: the in-process stream drops the oldest message of a full subscriber buffer.
            _ = _local.PublishAsync(channel[_prefix.Length..], envelope);
        }
    }

    private static string TypeName(Type type) => type.FullName ?? type.Name;

    public async ValueTask DisposeAsync() => await _subscriber.DisposeAsync().ConfigureAwait(false);

    private sealed record Envelope(string Type, JsonElement Message);

    private sealed class TopicSubscription
    {
        public int Count { get; set; }

        public Task Subscribed { get; set; } = Task.CompletedTask;
    }
}
