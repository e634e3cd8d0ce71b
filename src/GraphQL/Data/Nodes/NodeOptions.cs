namespace RfmGraph.GraphQL.Data;

/// <summary>Settings of global object identification.</summary>
public sealed record NodeOptions
{
    /// <summary>The most ids <c>nodes(ids:)</c> accepts in one call (default 50).</summary>
    public int MaxIds { get; init; } = 50;
}
