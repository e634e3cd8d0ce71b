using RfmGraph.GraphQL.Execution;

namespace RfmGraph.Scoring.GraphQL.Loading;

/// <summary>
/// A per-request DataLoader: keys asked for while execution is busy are collected and fetched in one call when
/// the engine reports it is waiting (<see cref="IBatchDispatcher"/>); results are cached for the request.
/// </summary>
internal sealed class BatchLoader<TKey, TValue> : IBatchDispatcher
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly CancellationToken _cancellationToken;
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Task<TValue?>> _cache = [];
    private Dictionary<TKey, TaskCompletionSource<TValue?>> _pending = [];

    private BatchLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, CancellationToken cancellationToken)
    {
        _fetch = fetch;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The request's loader named <paramref name="name"/>, created (and registered for dispatch) on first use.</summary>
    public static BatchLoader<TKey, TValue> For(
        IResolverContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    {
        var request = context.Request;
        return request.GetOrAddLoader(name, () =>
        {
            var loader = new BatchLoader<TKey, TValue>(fetch, context.CancellationToken);
            request.RegisterBatchDispatcher(loader);
            return loader;
        });
    }

    public bool HasPendingWork
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count > 0;
            }
        }
    }

    /// <summary>The value of <paramref name="key"/> (default when the batch had none for it).</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var completion = new TaskCompletionSource<TValue?>();
            _pending[key] = completion;
            _cache[key] = completion.Task;
            return completion.Task;
        }
    }

    public void Dispatch()
    {
        Dictionary<TKey, TaskCompletionSource<TValue?>> batch;
        lock (_gate)
        {
            batch = _pending;
            _pending = [];
        }

        if (batch.Count > 0)
        {
            _ = RunAsync(batch);
        }
    }

    private async Task RunAsync(Dictionary<TKey, TaskCompletionSource<TValue?>> batch)
    {
        try
        {
            var values = await _fetch([.. batch.Keys], _cancellationToken);
            foreach (var (key, completion) in batch)
            {
                completion.TrySetResult(values.TryGetValue(key, out var value) ? value : default);
            }
        }
        catch (Exception ex)
        {
            foreach (var completion in batch.Values)
            {
                completion.TrySetException(ex);
            }
        }
    }
}
