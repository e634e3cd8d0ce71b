using Microsoft.Extensions.Options;

namespace RfmGraph.Host.Auth;

/// <summary>In Development, prints a ready-to-use token for the demo business once the Host has started.</summary>
internal sealed class DevelopmentTokenBanner(
    IHostApplicationLifetime lifetime,
    IOptions<AuthOptions> options,
    JwtIssuer issuer,
    ILogger<DevelopmentTokenBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.DevelopmentToken;
        if (!settings.Print || !issuer.CanIssue)
        {
            return Task.CompletedTask;
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var token = issuer.Issue(settings.BusinessKey, settings.Role, TimeSpan.FromHours(settings.LifetimeHours));
            logger.LogInformation(
                "Development token for business {BusinessKey}, role {Role}, valid {LifetimeHours} h:{NewLine}  Authorization: Bearer {Token}",
                settings.BusinessKey, settings.Role, settings.LifetimeHours, Environment.NewLine, token);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
