using RfmGraph.Host.Composition;

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

        // GraphQL endpoint goes here: app.MapGraphQL(...) from src/GraphQL (GraphiQL page at /graphql,
        // SDL at /graphql/schema.graphql). Its page and static assets must be AllowAnonymous; the
        // query endpoint keeps the fallback policy (credentials required).
        return app;
    }
}
