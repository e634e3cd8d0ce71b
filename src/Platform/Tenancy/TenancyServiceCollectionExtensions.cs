using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RfmGraph.Platform.Tenancy;

/// <summary>Registers the per-unit-of-work tenant.</summary>
public static class TenancyServiceCollectionExtensions
{
    /// <summary>One <see cref="TenantContext"/> per scope (request, job run, CLI verb), also served as <see cref="ITenantContext"/>.</summary>
    public static IServiceCollection AddRfmTenancy(this IServiceCollection services)
    {
        services.TryAddScoped<TenantContext>();
        services.TryAddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        return services;
    }
}
