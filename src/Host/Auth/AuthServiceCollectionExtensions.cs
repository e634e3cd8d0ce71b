using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace RfmGraph.Host.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Our bearer/API-key scheme, and a fallback policy that requires it on every endpoint that does
    /// not say otherwise (only /health and the GraphiQL page/assets opt out with AllowAnonymous).
    /// </summary>
    public static IServiceCollection AddRfmAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<JwtValidator>();
        services.AddSingleton<JwtIssuer>();

        services.AddAuthentication(RfmAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, RfmAuthenticationHandler>(RfmAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(RfmAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());

        if (environment.IsDevelopment())
        {
            services.AddHostedService<DevelopmentTokenBanner>();
        }

        return services;
    }
}
