namespace RfmGraph.Platform.Events;

/// <summary>
/// How a module tells other modules that something happened (e.g. Scoring's <c>RfmRunPublished</c>), without
/// knowing who listens. Raise events only after the work they describe has committed.
/// </summary>
public interface IIntegrationEventBus
{
    /// <summary>
    /// Hands <paramref name="integrationEvent"/> to every registered <see cref="IIntegrationEventHandler{TEvent}"/>
    /// of its type, on this instance, each in a DI scope of its own. A failing handler is logged and does not keep
    /// the others from running, nor fail the publisher: its work is already committed.
    /// </summary>
    Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : class;
}

/// <summary>Reacts to one kind of integration event. Register with <c>AddIntegrationEventHandler</c>.</summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : class
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
