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

    private Task? _abandoned;

    /// <summary>
    /// Starts <paramref name="start"/> under this context and pumps until it completes or is cancelled. After a
    /// cancellation, call <see cref="Abandon"/> once the caller has taken what it needs from the execution.
    /// </summary>
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
            if (RunNext(request))
            {
                continue;
            }
            try
            {
                await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _abandoned = root.AsTask();
                throw;
            }
        }
        return await root.ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps running a cancelled request's continuations, one at a time as before, in the background until the
    /// execution has unwound. Resolvers awaited under this context, so without it their code after the cancelled
    /// await — finally blocks, <c>await using</c> disposals that return database connections — would never run.
    /// </summary>
    public void Abandon(RequestContext request)
    {
        var root = _abandoned;
        _abandoned = null;
        if (root is null || root.IsCompleted)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            while (!root.IsCompleted)
            {
                if (!RunNext(request))
                {
                    await Task.WhenAny(_signal.WaitAsync(), root).ConfigureAwait(false);
                }
            }
            // The response is gone; whatever the execution ended with has no one to report to.
            _ = root.Exception;
        });
    }

    /// <summary>Runs one queued continuation, or dispatches pending batches; false when there was nothing to do.</summary>
    private bool RunNext(RequestContext request)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            if (_queue.TryDequeue(out var work))
            {
                work.Callback(work.State);
                return true;
            }
            return request.DispatchBatches();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
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
