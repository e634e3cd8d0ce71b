using Microsoft.Extensions.DependencyInjection;
using RfmGraph.GraphQL.Subscriptions;
using RfmGraph.Host.Cli;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Host.Web;
using RfmGraph.Platform.Redis;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Configuration;

/// <summary>ConnectionStrings:Redis switches subscription events from in-process to Redis, shared by every Host.</summary>
public sealed class RedisEventStreamTests(PostgresFixture postgres, RedisServer redis) : IClassFixture<PostgresFixture>, IClassFixture<RedisServer>
{
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
        for (var attempt = 1; !next.IsCompleted && attempt <= 100; attempt++)
        {
            await publisher.PublishAsync("fan-out", new Ping(attempt));
            await Task.WhenAny(next, Task.Delay(100));
        }

        Assert.True(await next);
        Assert.InRange(messages.Current.Number, 1, 100);
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
