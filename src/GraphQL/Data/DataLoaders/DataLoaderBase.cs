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
            var completion = new TaskCompletionSource<TValue>();
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
        // The engine dispatches under its request scheduler; the batch's results are delivered back through it.
        _ = RunAsync(batch, SynchronizationContext.Current);
    }

    /// <summary>Fetches the values of <paramref name="keys"/> (distinct, in request order) in one go.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value of a key the fetch did not return.</summary>
    protected abstract TValue Missing(TKey key);

    private async Task RunAsync(Dictionary<TKey, TaskCompletionSource<TValue>> batch, SynchronizationContext? scheduler)
    {
        Action complete;
        try
        {
            var values = await FetchAsync([.. batch.Keys], _cancellationToken).ConfigureAwait(false);
            complete = () =>
            {
                foreach (var (key, completion) in batch)
                {
                    completion.TrySetResult(values.TryGetValue(key, out var value) ? value : Missing(key));
                }
            };
        }
        catch (OperationCanceledException ex)
        {
            complete = () =>
            {
                foreach (var completion in batch.Values)
                {
                    completion.TrySetCanceled(ex.CancellationToken);
                }
            };
        }
        catch (Exception ex)
        {
            // Every field waiting on this batch fails with the fetch's error (and a retry in the same request would fail alike).
            complete = () =>
            {
                foreach (var completion in batch.Values)
                {
                    completion.TrySetException(ex);
                }
            };
        }
        if (scheduler is null)
        {
            complete();
            return;
        }
        // Every waiting field must be back in the scheduler's queue before it next looks for keys to dispatch.
        // Completed one by one from the fetch's thread (or with forced asynchronous continuations, which hop through
        // the thread pool), they would return one at a time and the scheduler would dispatch the keys the first
        // resumed field asks for (a nested loader's) alone: one fetch per parent at the next level, not one in all.
        // So the batch completes in one scheduler step, with no context current: ConfigureAwait(false) continuations
        // (the field resolver wrappers) run inline and the engine's continuations are posted to the scheduler, all now.
        scheduler.Post(static state =>
        {
            var previous = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                ((Action)state!)();
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
            }
        }, complete);
    }
}
