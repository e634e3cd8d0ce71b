using System.Linq.Expressions;
using RfmGraph.GraphQL.Data.Sorting;

namespace RfmGraph.GraphQL.Data.Paging;

/// <summary>
/// Runs one page of a keyset-paginated connection: filter, seek past the cursor(s), order, take size + 1 (the
/// extra row answers hasNextPage/hasPreviousPage without a count), project — one SQL statement — and, only
/// when asked, a second statement for totalCount.
/// </summary>
internal static class ConnectionQuery
{
    public static async ValueTask<Connection<T>> ExecuteAsync<T>(
        IQueryable<T> source,
        Expression<Func<T, bool>>? filter,
        SortSpec sort,
        PagingArguments paging,
        int pageSize,
        Expression<Func<T, T>>? projection,
        bool includeTotalCount,
        IAsyncQueryExecutor executor,
        CancellationToken cancellationToken)
    {
        var filtered = filter is null ? source : source.Where(filter);
        var sortHash = CursorCodec.Hash(sort.Signature);
        var keyTypes = sort.Keys.Select(k => k.Type).ToList();
        var page = filtered;
        if (paging.After is not null)
        {
            page = page.Where(KeysetPredicate.After<T>(sort, CursorCodec.Decode(paging.After, sortHash, keyTypes)));
        }
        if (paging.Before is not null)
        {
            page = page.Where(KeysetPredicate.After<T>(sort.Reversed(), CursorCodec.Decode(paging.Before, sortHash, keyTypes)));
        }
        var backward = paging.Backward;
        var ordered = (backward ? sort.Reversed() : sort).Apply(page).Take(pageSize + 1).Select(CursorRow<T>.Selector(sort, projection));
        var rows = await executor.ToListAsync(ordered, cancellationToken).ConfigureAwait(false);
        var hasMore = rows.Count > pageSize;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        if (backward)
        {
            rows.Reverse();
        }
        var edges = new Edge<T>[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            edges[i] = new Edge<T>(CursorCodec.Encode(sortHash, rows[i].Keys), rows[i].Row);
        }
        var pageInfo = new PageInfo(
            HasNextPage: backward ? paging.Before is not null : hasMore,
            HasPreviousPage: backward ? hasMore : paging.After is not null,
            StartCursor: edges.Length > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Length > 0 ? edges[^1].Cursor : null);
        int? total = includeTotalCount ? await executor.CountAsync(filtered, cancellationToken).ConfigureAwait(false) : null;
        return new Connection<T>(edges, pageInfo, total);
    }
}
