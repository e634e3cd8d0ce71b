using Microsoft.Extensions.Logging.Abstractions;
using RfmGraph.GraphQL.Subscriptions;
using RfmGraph.Platform.Redis;
using RfmGraph.Testing;
using Xunit;

namespace RfmGraph.Platform.Tests.Redis;

/// <summary>Two event streams with their own connections stand for two Host instances sharing one Redis.</summary>
public sealed class RedisTopicEventStreamTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    /// <summary>Bounds waits that only a failure reaches; generous because a loaded CI machine is slow, not broken.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly List<IAsyncDisposable> _owned = [];

    public sealed record RunPublished(long RunId, string BusinessKey, decimal Revenue, DateTimeOffset At);

    public sealed record SomethingElse(string Text);

    [Fact]
    public async Task A_message_published_on_one_instance_reaches_a_subscriber_on_another()
    {
        var (publisher, _) = Instance();
        var (subscriberSide, _) = Instance();
        var topic = Topic();
        var sent = new RunPublished(42, "acme", 1234.5600m, new DateTimeOffset(2026, 12, 2, 1, 2, 3, TimeSpan.Zero));

        await using var messages = subscriberSide.SubscribeAsync<RunPublished>(topic).GetAsyncEnumerator();
        var next = messages.MoveNextAsync().AsTask();
        await WaitUntilSubscribedAsync(topic, 1);
        await publisher.PublishAsync(topic, sent);

        Assert.True(await next.WaitAsync(Patience));
        Assert.Equal(sent, messages.Current);
    }

    [Fact]
    public async Task Subscribers_get_only_their_topic_and_their_message_type()
    {
        var (publisher, _) = Instance();
        var (subscriberSide, _) = Instance();
        var topic = Topic();

        await using var messages = subscriberSide.SubscribeAsync<RunPublished>(topic).GetAsyncEnumerator();
        var next = messages.MoveNextAsync().AsTask();
        await WaitUntilSubscribedAsync(topic, 1);
        await publisher.PublishAsync(Topic(), new RunPublished(1, "other-topic", 1m, DateTimeOffset.UnixEpoch));
        await publisher.PublishAsync(topic, new SomethingElse("other type"));
        await publisher.PublishAsync(topic, new RunPublished(2, "mine", 2m, DateTimeOffset.UnixEpoch));

        Assert.True(await next.WaitAsync(Patience));
        Assert.Equal(2, messages.Current.RunId);
    }

    [Fact]
    public async Task One_redis_subscription_per_topic_and_instance_released_by_the_last_subscriber()
    {
        var (stream, _) = Instance();
        var topic = Topic();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();

        var a = Drain(stream.SubscribeAsync<RunPublished>(topic, first.Token));
        var b = Drain(stream.SubscribeAsync<RunPublished>(topic, second.Token));
        await WaitUntilSubscribedAsync(topic, 1);

        await first.CancelAsync();
        await a;
        Assert.Equal(1, await RedisSubscribersAsync(topic));
        await second.CancelAsync();
        await b;
        await WaitUntilSubscribedAsync(topic, 0);
    }

    [Fact]
    public async Task After_redis_restarts_the_subscriber_resubscribes_and_hears_new_messages()
    {
        var (publisher, _) = Instance();
        var (subscriberSide, concrete) = Instance();
        var topic = Topic();

        await using var messages = subscriberSide.SubscribeAsync<RunPublished>(topic).GetAsyncEnumerator();
        var next = messages.MoveNextAsync().AsTask();
        await WaitUntilSubscribedAsync(topic, 1);

        await redis.KillAsync();
        await redis.StartAsync();
        await WaitUntilSubscribedAsync(topic, 1);
        await RetryAsync(() => publisher.PublishAsync(topic, new RunPublished(7, "after-restart", 7m, DateTimeOffset.UnixEpoch)).AsTask());

        Assert.True(await next.WaitAsync(Patience));
        Assert.Equal(7, messages.Current.RunId);
        Assert.True(concrete.Reconnections >= 1);
    }

    [Fact]
    public async Task A_slow_subscriber_loses_the_oldest_messages_not_the_newest()
    {
        var (publisher, _) = Instance();
        var (subscriberSide, concrete) = Instance(new TopicEventStreamOptions { SubscriberCapacity = 4 });
        var topic = Topic();

        await using var messages = subscriberSide.SubscribeAsync<RunPublished>(topic).GetAsyncEnumerator();
        var first = messages.MoveNextAsync().AsTask();
        await WaitUntilSubscribedAsync(topic, 1);
        for (var i = 1; i <= 200; i++)
        {
            await publisher.PublishAsync(topic, new RunPublished(i, "burst", i, DateTimeOffset.UnixEpoch));
        }

        // The subscriber's connection delivers the burst on its own schedule: wait until its buffer has overflowed
        // before reading, or a reader that keeps pace with a late delivery would never see the buffer fill.
        var deadline = DateTime.UtcNow + Patience;
        while (concrete.DroppedMessages == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        // Read until the last message arrives; the buffer of 4 cannot have kept all 200.
        var received = new List<long>();
        Assert.True(await first.WaitAsync(Patience));
        received.Add(messages.Current.RunId);
        while (received[^1] != 200)
        {
            Assert.True(await messages.MoveNextAsync().AsTask().WaitAsync(Patience));
            received.Add(messages.Current.RunId);
        }
        Assert.True(received.Count < 200, $"received {received.Count} of 200");
        Assert.Equal(received.Order(), received);
        Assert.True(concrete.DroppedMessages > 0);
    }

    [Fact]
    public async Task Subscribing_while_redis_is_down_fails_with_the_reason()
    {
        var stream = new RedisTopicEventStream(
            new RedisClient(RedisOptions.Parse("127.0.0.1:1,connectTimeout=2000"), NullLogger<RedisClient>.Instance),
            null, NullLogger<RedisTopicEventStream>.Instance);
        _owned.Add(stream);

        await using var messages = stream.SubscribeAsync<RunPublished>(Topic()).GetAsyncEnumerator();

        var error = await Assert.ThrowsAsync<RedisConnectionException>(async () => await messages.MoveNextAsync());
        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }

    private (ITopicEventStream Stream, RedisTopicEventStream Concrete) Instance(TopicEventStreamOptions? options = null)
    {
        var client = new RedisClient(RedisOptions.Parse(redis.ConnectionString), NullLogger<RedisClient>.Instance);
        var stream = new RedisTopicEventStream(client, options, NullLogger<RedisTopicEventStream>.Instance);
        _owned.Add(stream);
        _owned.Add(client);
        return (stream, stream);
    }

    private async Task<long> RedisSubscribersAsync(string topic)
    {
        await using var probe = new RedisClient(RedisOptions.Parse(redis.ConnectionString), NullLogger<RedisClient>.Instance);
        var reply = await RetryAsync(() => probe.ExecuteAsync(["PUBSUB", "NUMSUB", "rfmgraph:" + topic]));
        return reply.Items![1].Integer;
    }

    private async Task WaitUntilSubscribedAsync(string topic, long count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (await RedisSubscribersAsync(topic) != count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Redis never showed {count} subscriber(s) of {topic}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Repeats <paramref name="action"/> while Redis is unreachable (it is being restarted), up to <see cref="Patience"/>.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> action)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return await action();
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static Task RetryAsync(Func<Task> action) => RetryAsync(async () => { await action(); return true; });

    private static async Task Drain<T>(IAsyncEnumerable<T> messages)
    {
        try
        {
            await foreach (var _ in messages)
            {
            }
        }
        catch (OperationCanceledException)
        {
            // The subscriber left.
        }
    }

    private static string Topic() => "test-" + Guid.NewGuid().ToString("N");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }
}
