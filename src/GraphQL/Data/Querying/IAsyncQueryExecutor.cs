namespace RfmGraph.GraphQL.Data;

/// <summary>
/// Runs a composed <see cref="IQueryable{T}"/> asynchronously. The engine stays provider-neutral (no EF Core
/// reference, see docs/adr/0007-data-conventions.md); register an implementation in the request's services to
/// override <see cref="AsyncQueryExecutor.Default"/>, which already handles EF Core queryables.
/// </summary>
public interface IAsyncQueryExecutor
{
    /// <summary>Materializes the query.</summary>
    ValueTask<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    /// <summary>Counts the query's rows.</summary>
    ValueTask<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);
}
