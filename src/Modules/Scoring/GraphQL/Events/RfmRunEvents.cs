using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;

namespace RfmGraph.Scoring.GraphQL.Events;

/// <summary>
/// Bridges the <see cref="RfmRunPublished"/> integration event to GraphQL subscribers of this process: the run
/// executor hands every published run to its <see cref="IRunPublishedSink"/>, which fans it out here to each
/// subscriber's bounded queue (a slow subscriber loses its oldest events instead of growing memory).
/// Cross-instance delivery (Redis) replaces this sink when the platform event bus exists.
/// </summary>
internal sealed partial class RfmRunEvents(ILogger<RfmRunEvents> logger) : IRunPublishedSink
{
    private const int QueueCapacity = 64;
    private readonly Lock _gate = new();
    private readonly List<Channel<RfmRunPublished>> _subscribers = [];

    public Task PublishAsync(RfmRunPublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        Log(logger, published.RunId, published.BusinessId, published.StorefrontId, published.CustomersScored, published.Duration.TotalMilliseconds);
        Channel<RfmRunPublished>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Writer.TryWrite(published);
        }

        return Task.CompletedTask;
    }

    /// <summary>Events of one business (and optionally one storefront scope) from now until cancelled.</summary>
    public async IAsyncEnumerable<RfmRunPublished> SubscribeAsync(long businessId, long? storefrontId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<RfmRunPublished>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        try
        {
            await foreach (var published in channel.Reader.ReadAllAsync(cancellationToken))
            {
                if (published.BusinessId == businessId && (storefrontId is null || published.StorefrontId == storefrontId))
                {
                    yield return published;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    /// <summary>Subscribers currently attached (for tests and diagnostics).</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RFM run {RunId} published for business {BusinessId}, storefront {StorefrontId}: {Customers} customers in {DurationMs} ms")]
    private static partial void Log(ILogger logger, long runId, long businessId, long? storefrontId, long customers, double durationMs);
}
