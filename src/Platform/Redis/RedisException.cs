namespace RfmGraph.Platform.Redis;

/// <summary>The connection to Redis failed or broke; commands in flight on it did not get an answer.</summary>
public sealed class RedisConnectionException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>Redis answered a command with an error reply (e.g. <c>WRONGTYPE …</c>).</summary>
public sealed class RedisServerException(string message) : Exception(message);
