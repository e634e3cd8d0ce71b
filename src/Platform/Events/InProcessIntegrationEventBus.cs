using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RfmGraph.Platform.Events;

/// <summary>
/// Delivers integration events to the handlers of the process that raised them. That is enough for module-to-module
/// reactions (a handler runs once, where the event happened); reaching clients connected to other Host instances
/// is the job of a handler that forwards to the GraphQL topic stream, which Redis fans out.
/// </summary>
internal sealed partial class InProcessIntegrationEventBus(IServiceScopeFactory scopes, ILogger<InProcessIntegrationEventBus> logger) : IIntegrationEventBus
{
    public async Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        await using var scope = scopes.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<TEvent>>())
        {
            try
            {
                await handler.HandleAsync(integrationEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                HandlerFailed(logger, ex, handler.GetType().Name, typeof(TEvent).Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Integration event handler {Handler} failed on {Event}; the other handlers still ran.")]
    private static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string @event);
}
