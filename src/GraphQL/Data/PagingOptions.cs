namespace RfmGraph.GraphQL.Data;

/// <summary>Page sizes for cursor connections (schema-wide defaults; a field may override them).</summary>
public sealed record PagingOptions
{
    /// <summary>Rows returned when the client gives neither <c>first</c> nor <c>last</c>.</summary>
    public int DefaultPageSize { get; init; } = 10;

    /// <summary>The largest <c>first</c>/<c>last</c> a client may ask for; more is a field error.</summary>
    public int MaxPageSize { get; init; } = 100;
}
