namespace RfmGraph.GraphQL.Data;

/// <summary>A Relay connection page: what <c>&lt;Type&gt;Connection</c> fields resolve from.</summary>
/// <typeparam name="T">The node type.</typeparam>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, int? totalCount)
{
    /// <summary>The page's edges, in sort order.</summary>
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;

    /// <summary>The page's nodes (the edges without cursors).</summary>
    public IReadOnlyList<T> Nodes => Edges.Select(e => e.Node).ToList();

    /// <summary>Page boundaries.</summary>
    public PageInfo PageInfo { get; } = pageInfo;

    /// <summary>Rows matching the filter across all pages; null unless the client selected it.</summary>
    public int? TotalCount { get; } = totalCount;
}

/// <summary>One node and the cursor pointing at it.</summary>
/// <typeparam name="T">The node type.</typeparam>
public sealed record Edge<T>(string Cursor, T Node);

/// <summary>Relay's PageInfo.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
