using RfmGraph.GraphQL.Execution;

namespace RfmGraph.GraphQL.Data;

/// <summary>
/// Per-request batching and caching of loads by key. Keys requested while the executor still has runnable work
/// are queued; when nothing else can run the engine dispatches the loader (<see cref="IBatchDispatcher"/>), which
/// fetches all queued keys with one call. Each key is fetched at most once per request (the task is cached).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">What one key resolves to.</typeparam>
public abstract class DataLoaderBase<TKey, TValue> : IBatchDispatcher
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Task<TValue>> _cache = [];
    private Dictionary<TKey, TaskCompletionSource<TValue>> _pending = [];
    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates a loader for one request and registers it with the request's dispatcher.</summary>
    protected DataLoaderBase(RequestContext request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _cancellationToken = cancellationToken;
        request.RegisterBatchDispatcher(this);
    }

    /// <summary>How many batches this loader has fetched (diagnostics and tests).</summary>
    public int BatchCount { get; private set; }

    /// <inheritdoc />
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

    /// <summary>Loads one key (from the cache, or in the next batch).</summary>
    public Task<TValue> LoadAsync(TKey key)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }
            var completion = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[key] = completion;
            _cache[key] = completion.Task;
            return completion.Task;
        }
    }

    /// <summary>Loads several keys (one batch for those not cached yet).</summary>
    public async Task<IReadOnlyList<TValue>> LoadAsync(IEnumerable<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return await Task.WhenAll(keys.Select(LoadAsync).ToList()).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispatch()
    {
        Dictionary<TKey, TaskCompletionSource<TValue>> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }
            batch = _pending;
            _pending = [];
            BatchCount++;
        }
        _ = RunAsync(batch);
    }

    /// <summary>Fetches the values of <paramref name="keys"/> (distinct, in request order) in one go.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value of a key the fetch did not return.</summary>
    protected abstract TValue Missing(TKey key);

    private async Task RunAsync(Dictionary<TKey, TaskCompletionSource<TValue>> batch)
    {
        try
        {
            var values = await FetchAsync([.. batch.Keys], _cancellationToken).ConfigureAwait(false);
            foreach (var (key, completion) in batch)
            {
                completion.TrySetResult(values.TryGetValue(key, out var value) ? value : Missing(key));
            }
        }
        catch (OperationCanceledException ex)
        {
            foreach (var completion in batch.Values)
            {
                completion.TrySetCanceled(ex.CancellationToken);
            }
        }
        catch (Exception ex)
        {
            // Every field waiting on this batch fails with the fetch's error (and a retry in the same request would fail alike).
            foreach (var completion in batch.Values)
            {
                completion.TrySetException(ex);
            }
        }
    }
}
