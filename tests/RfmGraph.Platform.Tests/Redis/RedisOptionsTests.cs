using RfmGraph.Platform.Redis;
using Xunit;

namespace RfmGraph.Platform.Tests.Redis;

public sealed class RedisOptionsTests
{
    [Fact]
    public void Host_port_and_options_are_read()
    {
        var options = RedisOptions.Parse("cache.internal:6380, password=s3cret=x ,connectTimeout=250,channelPrefix=blue:");
        Assert.Equal("cache.internal", options.Host);
        Assert.Equal(6380, options.Port);
        Assert.Equal("s3cret=x", options.Password);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.ConnectTimeout);
        Assert.Equal("blue:", options.ChannelPrefix);
    }

    [Fact]
    public void The_port_defaults_to_6379()
    {
        var options = RedisOptions.Parse("redis");
        Assert.Equal(("redis", 6379, "rfmgraph:"), (options.Host, options.Port, options.ChannelPrefix));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("redis:http", "'redis:http' has no valid port")]
    [InlineData("redis:70000", "'redis:70000' has no valid port")]
    [InlineData("password=x", "must start with host:port")]
    [InlineData("redis:6379,ssl=true", "option 'ssl=true' is not understood")]
    [InlineData("redis:6379,connectTimeout=soon", "option 'connectTimeout=soon' is not understood")]
    public void Bad_connection_strings_name_the_wrong_part(string connectionString, string message)
    {
        var exception = Assert.Throws<FormatException>(() => RedisOptions.Parse(connectionString));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
