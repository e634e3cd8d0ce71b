using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Subscriptions;
using RfmGraph.Platform.Events;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Host.Cli;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Host.Web;
using RfmGraph.Platform.Redis;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Configuration;

/// <summary>ConnectionStrings:Redis switches subscription events from in-process to Redis, shared by every Host.</summary>
public sealed class RedisEventStreamTests(PostgresFixture postgres, RedisServer redis) : IClassFixture<PostgresFixture>, IClassFixture<RedisServer>
{
    /// <summary>Bounds waits that only a failure reaches; generous for a loaded CI machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public sealed record Ping(int Number);

    [Fact]
    public async Task Two_hosts_sharing_redis_hear_each_others_events()
    {
        var database = await postgres.CreateDatabaseAsync("redisfanout");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        await using var first = new RfmHostFactory(database, settings);
        await using var second = new RfmHostFactory(database, settings);
        var publisher = first.Services.GetRequiredService<ITopicEventStream>();
        var subscriber = second.Services.GetRequiredService<ITopicEventStream>();
        Assert.IsType<RedisTopicEventStream>(publisher);
        Assert.NotSame(publisher, subscriber);

        await using var messages = subscriber.SubscribeAsync<Ping>("fan-out").GetAsyncEnumerator();
        var next = messages.MoveNextAsync().AsTask();
        // Publish until the subscription (set up asynchronously in Redis) hears one; pub/sub keeps nothing for late joiners.
        // The deadline only bounds a failure: on a loaded machine the subscription can take seconds to be confirmed.
        var deadline = DateTime.UtcNow + Patience;
        var published = 0;
        while (!next.IsCompleted && DateTime.UtcNow < deadline)
        {
            await publisher.PublishAsync("fan-out", new Ping(++published));
            await Task.WhenAny(next, Task.Delay(100));
        }

        Assert.True(next.IsCompleted, $"no Ping reached the other host within {Patience.TotalSeconds} s");
        Assert.True(await next);
        Assert.InRange(messages.Current.Number, 1, published);
    }

    [Fact]
    public async Task A_run_published_on_one_host_reaches_rfmRecalculated_subscribers_of_its_business_on_another()
    {
        var database = await postgres.CreateDatabaseAsync("redisrun");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        await using var jobHost = new RfmHostFactory(database, settings);
        await using var clientHost = new RfmHostFactory(database, settings);
        var executor = clientHost.Services.GetRequiredService<GraphQLExecutor>();
        using var cancel = new CancellationTokenSource(Patience * 2);
        const string subscription = "subscription { rfmRecalculated { customersScored durationMilliseconds segments { customers revenue } topChanges { delta } } }";

        // Two businesses subscribe on the client host; the run is business 101's, published on the job host.
        await using var mine = await SubscribeAsync(clientHost, executor, 101, subscription, cancel.Token);
        await using var theirs = await SubscribeAsync(clientHost, executor, 202, subscription, cancel.Token);
        var mineNext = mine.MoveNextAsync().AsTask();
        var theirsNext = theirs.MoveNextAsync().AsTask();
        var bus = jobHost.Services.GetRequiredService<IIntegrationEventBus>();
        var run = new RfmRunPublished(
            RunId: 9001, BusinessId: 101, StorefrontId: null, PreviousRunId: null, CustomersScored: 3, Duration: TimeSpan.FromMilliseconds(1234),
            Segments: [new RfmSegmentSummary("champions", "Champions", 1, 2, 150.25m, 3m, 4m, 75.125m), new RfmSegmentSummary("lost", "Lost", 8, 1, 9.50m, 300m, 1m, 9.50m)],
            TopChanges: [new RfmSegmentChange("champions", "Champions", 0, 2)]);
        // Redis confirms subscriptions asynchronously and keeps nothing for late joiners: publish until heard.
        await PublishUntilHeardAsync(() => bus.PublishAsync(run, cancel.Token), mineNext, cancel.Token);
        Assert.True(await mineNext);
        var heard = JsonDocument.Parse(mine.Current.ToJson()).RootElement.GetProperty("data").GetProperty("rfmRecalculated");
        Assert.Equal(3, heard.GetProperty("customersScored").GetInt64());
        Assert.Equal(1234, heard.GetProperty("durationMilliseconds").GetInt64());
        Assert.Equal([2L, 1L], heard.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("customers").GetInt64()));
        Assert.Equal(["150.25", "9.50"], heard.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("revenue").ToString()));
        Assert.Equal(2, heard.GetProperty("topChanges")[0].GetProperty("delta").GetInt64());

        // Business 202 heard nothing of 101's run: its first event is its own. Its topic is its own Redis channel,
        // whose subscription may be confirmed later than 101's: publish until heard as well.
        await PublishUntilHeardAsync(() => bus.PublishAsync(run with { RunId = 9002, BusinessId = 202, CustomersScored = 7 }, cancel.Token), theirsNext, cancel.Token);
        Assert.True(await theirsNext);
        Assert.Equal(7, JsonDocument.Parse(theirs.Current.ToJson()).RootElement.GetProperty("data").GetProperty("rfmRecalculated").GetProperty("customersScored").GetInt64());
    }

    /// <summary>Publishes every 100 ms until <paramref name="heard"/> completes; the deadline only bounds a failure.</summary>
    private static async Task PublishUntilHeardAsync(Func<Task> publish, Task heard, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!heard.IsCompleted && DateTime.UtcNow < deadline)
        {
            await publish();
            await Task.WhenAny(heard, Task.Delay(100, cancellationToken));
        }

        Assert.True(heard.IsCompleted, $"the event did not reach the subscribing host within {Patience.TotalSeconds} s");
    }

    private static async Task<IAsyncEnumerator<ExecutionResult>> SubscribeAsync(
        RfmHostFactory host, GraphQLExecutor executor, long businessId, string query, CancellationToken cancellationToken)
    {
        var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(businessId, "business-" + businessId);
        var result = await executor.SubscribeAsync(new GraphQLRequest { Query = query }, new RequestContext(scope.ServiceProvider), cancellationToken);
        Assert.Null(result.Error);
        return result.Stream!.GetAsyncEnumerator(cancellationToken);
    }

    [Fact]
    public async Task Without_redis_events_stay_in_process()
    {
        var database = await postgres.CreateDatabaseAsync("inprocess");
        await using var host = new RfmHostFactory(database);

        Assert.IsType<InProcessTopicEventStream>(host.Services.GetRequiredService<ITopicEventStream>());
    }

    [Fact]
    public async Task A_malformed_redis_connection_string_stops_the_host_with_the_setting_named()
    {
        var database = await postgres.CreateDatabaseAsync("badredis");
        await using var app = RfmWebApplication.Build(
        [
            "--environment=Testing",
            $"--ConnectionStrings:Rfm={database}",
            "--ConnectionStrings:Redis=redis:port",
            $"--Auth:Jwt:SigningKey={RfmHostFactory.SigningKey}",
            $"--Auth:Jwt:Issuer={RfmHostFactory.Issuer}",
            $"--Auth:Jwt:Audience={RfmHostFactory.Audience}",
        ]);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.True(CliErrors.TryDescribe(error, out var message), error.ToString());
        Assert.Contains("  - ConnectionStrings:Redis (RFMGRAPH__CONNECTIONSTRINGS__REDIS) is not valid: The Redis endpoint 'redis:port' has no valid port (1-65535).",
            message.Split(Environment.NewLine));
    }
}
