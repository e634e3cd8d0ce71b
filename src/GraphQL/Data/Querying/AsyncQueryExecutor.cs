using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace RfmGraph.GraphQL.Data;

/// <summary>
/// The default <see cref="IAsyncQueryExecutor"/>. Lists: queryables that are also <see cref="IAsyncEnumerable{T}"/>
/// (EF Core's are) stream asynchronously. Counts: a provider exposing
/// <c>TResult ExecuteAsync&lt;TResult&gt;(Expression, CancellationToken)</c> — the shape of EF Core's
/// IAsyncQueryProvider — runs <c>Queryable.Count</c> through it; anything else (LINQ-to-objects) runs synchronously.
/// </summary>
public sealed class AsyncQueryExecutor : IAsyncQueryExecutor
{
    private static readonly MethodInfo CountMethod = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Count) && m.GetParameters().Length == 1);

    private static readonly ConcurrentDictionary<Type, MethodInfo?> AsyncExecute = new();

    private AsyncQueryExecutor()
    {
    }

    /// <summary>The shared instance.</summary>
    public static AsyncQueryExecutor Default { get; } = new();

    /// <inheritdoc />
    public async ValueTask<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query is not IAsyncEnumerable<T> stream)
        {
            return [.. query];
        }
        var list = new List<T>();
        await foreach (var item in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(item);
        }
        return list;
    }

    /// <inheritdoc />
    public async ValueTask<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = Expression.Call(CountMethod.MakeGenericMethod(typeof(T)), query.Expression);
        var execute = AsyncExecute.GetOrAdd(query.Provider.GetType(), FindExecuteAsync);
        if (execute is null)
        {
            return query.Provider.Execute<int>(count);
        }
        var task = (Task<int>)execute.Invoke(query.Provider, [count, cancellationToken])!;
        return await task.ConfigureAwait(false);
    }

    private static MethodInfo? FindExecuteAsync(Type providerType)
    {
        var candidates = providerType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Concat(providerType.GetInterfaces().SelectMany(i => i.GetMethods()));
        var method = candidates.FirstOrDefault(m =>
            m.Name == "ExecuteAsync" && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1
            && m.GetParameters() is [{ ParameterType: var p0 }, { ParameterType: var p1 }]
            && p0 == typeof(Expression) && p1 == typeof(CancellationToken));
        return method?.MakeGenericMethod(typeof(Task<int>));
    }
}
