using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RfmGraph.GraphQL.Http;

namespace RfmGraph.Bench.GraphQL;

/// <summary>
/// The C# side of bench/run-graphql-bench.sh: the benchmark schema behind the production MapGraphQL handler (the
/// same code path as the Host's /graphql, without authentication) at /bench/graphql.
/// </summary>
internal static class BenchServer
{
    public const string Path = "/bench/graphql";

    public static async Task<int> RunAsync(string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGraphQL(Path, BenchSchema.CreateExecutor(), options => options.EnableGraphiQL = false);
        await app.StartAsync();
        foreach (var address in app.Urls)
        {
            Console.WriteLine($"RfmGraph GraphQL bench endpoint on {address.TrimEnd('/')}{Path}");
        }
        await app.WaitForShutdownAsync();
        return 0;
    }
}
