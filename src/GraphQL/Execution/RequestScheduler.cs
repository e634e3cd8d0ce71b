using System.Collections.Concurrent;

namespace RfmGraph.GraphQL.Execution;

/// <summary>
/// Runs one request's execution code one continuation at a time (like graphql-js's event loop) while resolvers'
/// I/O runs concurrently. Because all executor continuations pass through this queue, the scheduler knows when
/// execution cannot progress without I/O — the moment to dispatch batched loads (<see cref="IBatchDispatcher"/>).
/// It also makes error order deterministic.
/// </summary>
internal sealed class RequestScheduler : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);

    public override void Post(SendOrPostCallback d, object? state)
    {
        _queue.Enqueue((d, state));
        _signal.Release();
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Starts <paramref name="start"/> under this context and pumps until it completes or is cancelled.</summary>
    public async Task<T> RunAsync<T>(Func<ValueTask<T>> start, RequestContext request, CancellationToken cancellationToken)
    {
        var previous = Current;
        ValueTask<T> root;
        SetSynchronizationContext(this);
        try
        {
            root = start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
        while (!root.IsCompleted)
        {
            if (_queue.TryDequeue(out var work))
            {
                SetSynchronizationContext(this);
                try
                {
                    work.Callback(work.State);
                }
                finally
                {
                    SetSynchronizationContext(previous);
                }
                continue;
            }
            SetSynchronizationContext(this);
            bool dispatched;
            try
            {
                dispatched = request.DispatchBatches();
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
            if (dispatched)
            {
                continue;
            }
            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        return await root.ConfigureAwait(false);
    }
}

/// <summary>
/// Something that collects work (e.g. DataLoader keys) and runs it in one batch. Register it with
/// <see cref="RequestContext.RegisterBatchDispatcher"/>; the engine calls <see cref="Dispatch"/> whenever
/// execution is waiting and nothing else can run, so every key requested at that point lands in one batch.
/// </summary>
public interface IBatchDispatcher
{
    /// <summary>True when keys are waiting.</summary>
    bool HasPendingWork { get; }

    /// <summary>Starts the batch (must not block; complete the waiting tasks when the batch finishes).</summary>
    void Dispatch();
}
