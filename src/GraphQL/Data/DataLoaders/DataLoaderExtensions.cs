using RfmGraph.GraphQL.Execution;

namespace RfmGraph.GraphQL.Data;

/// <summary>Gets a request's DataLoaders from a resolver: one instance per name (and key/value types) per request.</summary>
public static class DataLoaderExtensions
{
    /// <summary>The request's keyed loader named <paramref name="name"/>, created with <paramref name="fetch"/> on first use.</summary>
    public static BatchDataLoader<TKey, TValue> BatchLoader<TKey, TValue>(
        this IResolverContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(fetch);
        var request = context.Request;
        var token = context.CancellationToken;
        return request.GetOrAddLoader((name, typeof(TKey), typeof(TValue), "batch"), () => new BatchDataLoader<TKey, TValue>(request, fetch, token));
    }

    /// <summary>The request's one-to-many loader named <paramref name="name"/>, created with <paramref name="fetch"/> on first use.</summary>
    public static GroupedDataLoader<TKey, TValue> GroupedLoader<TKey, TValue>(
        this IResolverContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(fetch);
        var request = context.Request;
        var token = context.CancellationToken;
        return request.GetOrAddLoader((name, typeof(TKey), typeof(TValue), "group"), () => new GroupedDataLoader<TKey, TValue>(request, fetch, token));
    }
}
