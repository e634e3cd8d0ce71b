using RfmGraph.Host.Composition;
using RfmGraph.Host.GraphQL;

namespace RfmGraph.Host.Web;

/// <summary>The web Host: services, middleware and endpoints, in the order they run.</summary>
internal static class RfmWebApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings*.json sit next to the binaries; in-process tests pass their own --contentRoot.
            ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
        });
        builder.Configuration.AddRfmEnvironmentVariables();
        // Start-up failures the user can fix are printed by the serve verb as plain sentences.
        builder.Logging.AddFilter(Cli.CliHost.HostLogCategory, LogLevel.None);
        builder.Services.AddRfmWeb(builder.Configuration, builder.Environment);
        builder.Services.AddHostedService<StartupBanner>();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRfmHealth();
        app.MapWhoAmI();

        // GraphiQL page and assets are anonymous; operations and the SDL keep the fallback policy (GraphQL/GraphQLEndpoints.cs).
        app.MapRfmGraphQL();
        return app;
    }
}
