using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RfmGraph.Platform.Events;

public static class IntegrationEventServiceCollectionExtensions
{
    /// <summary>The platform's integration event bus (idempotent: every module may call it).</summary>
    public static IServiceCollection AddIntegrationEvents(this IServiceCollection services)
    {
        services.TryAddSingleton<IIntegrationEventBus, InProcessIntegrationEventBus>();
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> (scoped) for <typeparamref name="TEvent"/>; added once however often called.</summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : class
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddIntegrationEvents();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IIntegrationEventHandler<TEvent>, THandler>());
        return services;
    }
}
