using RfmGraph.GraphQL.Subscriptions;

namespace RfmGraph.GraphQL.Tests.Http;

public sealed class InProcessTopicEventStreamTests
{
    [Fact]
    public async Task Subscribers_get_messages_of_their_topic_in_order()
    {
        var stream = new InProcessTopicEventStream();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var a = stream.SubscribeAsync<string>("a", cancellation.Token).GetAsyncEnumerator(cancellation.Token);
        await stream.PublishAsync("b", "other topic");
        await stream.PublishAsync("a", "one");
        await stream.PublishAsync("a", 42);
        await stream.PublishAsync("a", "two");
        Assert.True(await a.MoveNextAsync());
        Assert.Equal("one", a.Current);
        Assert.True(await a.MoveNextAsync());
        Assert.Equal("two", a.Current);
        await a.DisposeAsync();
        Assert.Equal(0, stream.SubscriberCount("a"));
    }

    [Fact]
    public async Task A_slow_subscriber_loses_its_oldest_messages_instead_of_growing_memory()
    {
        var stream = new InProcessTopicEventStream(new TopicEventStreamOptions { SubscriberCapacity = 3 });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var slow = stream.SubscribeAsync<int>("t", cancellation.Token).GetAsyncEnumerator(cancellation.Token);
        for (var i = 1; i <= 10; i++)
        {
            await stream.PublishAsync("t", i);
        }
        var seen = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await slow.MoveNextAsync());
            seen.Add(slow.Current);
        }
        Assert.Equal([8, 9, 10], seen);
        Assert.Equal(7, stream.DroppedMessages);
        await slow.DisposeAsync();
    }
}
