namespace RfmGraph.Platform.Redis;

/// <summary>
/// Where Redis is and how patiently to talk to it. Bound from <c>ConnectionStrings:Redis</c>
/// (<c>host:port[,password=secret][,connectTimeout=5000]</c>); see <see cref="Parse"/>.
/// </summary>
public sealed record RedisOptions
{
    /// <summary>Host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>TCP port (Redis' default is 6379).</summary>
    public int Port { get; init; } = 6379;

    /// <summary>Sent with AUTH after connecting, when set.</summary>
    public string? Password { get; init; }

    /// <summary>How long one connection attempt may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest pause between two reconnection attempts of a subscriber (attempts back off up to this).</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Prefix of every pub/sub channel, so several deployments can share one Redis.</summary>
    public string ChannelPrefix { get; init; } = "rfmgraph:";

    /// <summary>
    /// Parses <c>host:port[,password=…][,connectTimeout=ms][,channelPrefix=…]</c> (the first part may omit the port).
    /// Throws <see cref="FormatException"/> naming the part that is wrong.
    /// </summary>
    public static RedisOptions Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = connectionString.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new FormatException("The Redis connection string is empty; expected host:port.");
        }

        var endpoint = parts[0];
        var colon = endpoint.LastIndexOf(':');
        var host = colon < 0 ? endpoint : endpoint[..colon];
        var port = 6379;
        if (colon >= 0 && (!int.TryParse(endpoint[(colon + 1)..], out port) || port is < 1 or > 65535))
        {
            throw new FormatException($"The Redis endpoint '{endpoint}' has no valid port (1-65535).");
        }
        if (host.Length == 0 || host.Contains('='))
        {
            throw new FormatException($"The Redis connection string must start with host:port, not '{endpoint}'.");
        }

        var options = new RedisOptions { Host = host, Port = port };
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=');
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            options = key.ToLowerInvariant() switch
            {
                "password" => options with { Password = value },
                "connecttimeout" when int.TryParse(value, out var ms) && ms > 0 => options with { ConnectTimeout = TimeSpan.FromMilliseconds(ms) },
                "channelprefix" => options with { ChannelPrefix = value },
                _ => throw new FormatException(
                    $"The Redis connection string option '{part}' is not understood; known: password=, connectTimeout=<ms>, channelPrefix=."),
            };
        }
        return options;
    }
}
