using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Host.Tests.Support;

/// <summary>The whole Host in-process, on a test database of its own.</summary>
public sealed class RfmHostFactory(
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    string environment = "Testing",
    Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    public const string SigningKey = "host-tests-signing-key-0123456789abcdef";
    public const string Issuer = "rfmgraph-tests";
    public const string Audience = "rfmgraph-tests-api";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Rfm", connectionString);
        builder.UseSetting("Auth:Jwt:SigningKey", SigningKey);
        builder.UseSetting("Auth:Jwt:Issuer", Issuer);
        builder.UseSetting("Auth:Jwt:Audience", Audience);
        builder.UseSetting("Demo:SeedOnEmptyDatabase", "false");
        builder.UseSetting("Jobs:CheckinIntervalSeconds", "2");
        // Socket tests connect and then send connection_init, racing the init timer (3 s in Testing), and expect
        // exact message sequences that a keep-alive ping (every 15 s) would interleave with; on a loaded CI machine
        // either can happen. No Host test is about these timers (the engine's own tests cover them).
        builder.UseSetting("GraphQL:ConnectionInitTimeoutSeconds", "120");
        builder.UseSetting("GraphQL:KeepAliveSeconds", "3600");
        // The engine's 30 s request timeout guards production against runaway queries; here it only turned a starved
        // machine into TIMEOUT errors (seen under stress: requestRfmRecalculation after 30 s). A hang still fails.
        builder.UseSetting("GraphQL:TimeoutSeconds", "300");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Until (or unless) the Sales module registers its directory, a plain SQL one over sales.businesses.
            services.TryAddScoped<IBusinessDirectory, SqlBusinessDirectory>();
        });
        configure?.Invoke(builder);
    }
}
