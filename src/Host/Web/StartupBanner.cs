using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RfmGraph.Host.Web;

/// <summary>Says where the Host listens once it does: the GraphiQL page and the health endpoint.</summary>
internal sealed class StartupBanner(IHostApplicationLifetime lifetime, IServer server, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                var root = address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                    .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                    .Replace("://+", "://localhost", StringComparison.Ordinal)
                    .TrimEnd('/');
                logger.LogInformation("RfmGraph is listening on {Address}: GraphiQL {GraphiQL}, health {Health}", root, root + "/graphql", root + HealthEndpoint.Path);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
