namespace RfmGraph.Host.GraphQL;

/// <summary>The <c>GraphQL</c> configuration section. Unset values take the defaults of the environment.</summary>
internal sealed class GraphQLHostOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Expose the development/test schema parts (e.g. <c>Subscription.ticks</c>). Default: on in Development and Testing only.</summary>
    public bool? DevelopmentSchema { get; set; }

    /// <summary>Seconds a new WebSocket may wait before connection_init (4408 after). Default 3 in Development/Testing, else 10.</summary>
    public double? ConnectionInitTimeoutSeconds { get; set; }

    /// <summary>Seconds between the server's keep-alive pings on a WebSocket. Default 15.</summary>
    public double KeepAliveSeconds { get; set; } = 15;

    /// <summary>Largest request body in bytes (413 above). Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Engine limits (max depth, cost, aliases, timeout...). Unset ones keep the engine's documented defaults.</summary>
    public int? MaxDepth { get; set; }

    public int? MaxCost { get; set; }

    public int? MaxAliases { get; set; }

    public double? TimeoutSeconds { get; set; }

    public bool? EnableIntrospection { get; set; }

    /// <summary>Parser limits: characters and tokens per document. Unset: the engine's 100,000 and 15,000.</summary>
    public int? MaxDocumentLength { get; set; }

    public int? MaxTokens { get; set; }

    /// <summary>Validation errors reported per request at most (0 = all). Unset: the engine's 5.</summary>
    public int? MaxValidationErrors { get; set; }

    /// <summary>Hide the messages of unexpected resolver exceptions. Default: on everywhere except Development.</summary>
    public bool? MaskUnexpectedErrors { get; set; }

    public static bool IsDevelopmentLike(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
