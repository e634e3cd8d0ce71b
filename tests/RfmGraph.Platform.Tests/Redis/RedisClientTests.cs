using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RfmGraph.Platform.Redis;
using RfmGraph.Testing;
using Xunit;

namespace RfmGraph.Platform.Tests.Redis;

public sealed class RedisClientTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private RedisClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new RedisClient(RedisOptions.Parse(redis.ConnectionString), NullLogger<RedisClient>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public async Task Values_round_trip_byte_for_byte()
    {
        var key = Key();
        var value = Encoding.UTF8.GetBytes("naïve \r\n 🚀 \0 end");
        Assert.Equal("OK", (await _client.ExecuteAsync([Encoding.UTF8.GetBytes("SET"), Encoding.UTF8.GetBytes(key), value])).AsString());

        var read = await _client.ExecuteAsync(["GET", key]);

        Assert.Equal(RespKind.BulkString, read.Kind);
        Assert.Equal(value, read.Bytes);
    }

    [Fact]
    public async Task A_missing_key_is_nil_and_counters_are_integers()
    {
        var key = Key();
        Assert.True((await _client.ExecuteAsync(["GET", key])).IsNull);
        Assert.Equal(5, (await _client.ExecuteAsync(["INCRBY", key, "5"])).Integer);
        Assert.Equal(4, (await _client.ExecuteAsync(["DECR", key])).Integer);
    }

    [Fact]
    public async Task An_error_reply_throws_with_the_servers_message_and_the_connection_stays_usable()
    {
        var key = Key();
        await _client.ExecuteAsync(["LPUSH", key, "x"]);

        var error = await Assert.ThrowsAsync<RedisServerException>(() => _client.ExecuteAsync(["INCR", key]));

        Assert.StartsWith("WRONGTYPE", error.Message, StringComparison.Ordinal);
        Assert.Equal("PONG", (await _client.ExecuteAsync(["PING"])).AsString());
    }

    [Fact]
    public async Task Pipelined_commands_get_their_own_replies()
    {
        // 2,000 commands in flight at once on one connection; each must get the reply to itself, not a neighbour's.
        var prefix = Key();
        var results = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(async i =>
        {
            await _client.ExecuteAsync(["SET", $"{prefix}:{i}", $"value-{i}"]);
            return (i, (await _client.ExecuteAsync(["GET", $"{prefix}:{i}"])).AsString());
        }));

        Assert.All(results, r => Assert.Equal($"value-{r.i}", r.Item2));
        Assert.Equal(2_000, (await _client.ExecuteAsync(["EVAL", $"return #redis.call('KEYS', '{prefix}:*')", "0"])).Integer);
    }

    [Fact]
    public async Task After_the_server_restarts_the_next_command_reconnects()
    {
        var key = Key();
        await _client.ExecuteAsync(["SET", key, "before"]);

        await redis.KillAsync();
        var down = await Assert.ThrowsAsync<RedisConnectionException>(() => _client.ExecuteAsync(["GET", key]));
        await redis.StartAsync();

        Assert.False(string.IsNullOrEmpty(down.Message));
        // The server kept nothing (no persistence): a fresh, working connection sees an empty key space.
        Assert.True((await _client.ExecuteAsync(["GET", key])).IsNull);
        Assert.Equal("OK", (await _client.ExecuteAsync(["SET", key, "after"])).AsString());
        Assert.Equal("after", (await _client.ExecuteAsync(["GET", key])).AsString());
    }

    [Fact]
    public async Task Connecting_to_nothing_names_the_endpoint()
    {
        await using var nowhere = new RedisClient(
            RedisOptions.Parse("127.0.0.1:1,connectTimeout=2000"), NullLogger<RedisClient>.Instance);

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => nowhere.ExecuteAsync(["PING"]));

        Assert.Contains("Could not connect to Redis at 127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }

    private static string Key() => "test:" + Guid.NewGuid().ToString("N");
}
