using RfmGraph.GraphQL.Execution;

namespace RfmGraph.GraphQL.Data;

/// <summary>Loads one value per key (e.g. a customer by id); keys the fetch does not return load as default (null).</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class BatchDataLoader<TKey, TValue>(
    RequestContext request,
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    CancellationToken cancellationToken) : DataLoaderBase<TKey, TValue?>(request, cancellationToken)
    where TKey : notnull
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyDictionary<TKey, TValue?>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var values = await fetch(keys, cancellationToken).ConfigureAwait(false);
        return values.ToDictionary(p => p.Key, p => (TValue?)p.Value);
    }

    /// <inheritdoc />
    protected override TValue? Missing(TKey key) => default;
}

/// <summary>Loads the group of values of each key (one-to-many, e.g. the orders of a customer); missing keys load as empty.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The element type.</typeparam>
public sealed class GroupedDataLoader<TKey, TValue>(
    RequestContext request,
    Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch,
    CancellationToken cancellationToken) : DataLoaderBase<TKey, IReadOnlyList<TValue>>(request, cancellationToken)
    where TKey : notnull
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var groups = await fetch(keys, cancellationToken).ConfigureAwait(false);
        return groups.ToDictionary(g => g.Key, g => (IReadOnlyList<TValue>)[.. g]);
    }

    /// <inheritdoc />
    protected override IReadOnlyList<TValue> Missing(TKey key) => [];
}
