using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Sales.Contracts;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Auth;

public sealed partial class DevelopmentTokenTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task In_development_the_host_prints_a_token_that_works_for_the_demo_business()
    {
        var database = await postgres.CreateDatabaseAsync("devtoken");
        var logs = new CapturedLogs();
        await using var factory = new RfmHostFactory(
            database,
            new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" },
            environment: "Development",
            configure: b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        _ = factory.Server;
        BusinessInfo demo;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            demo = await scope.ServiceProvider.GetRequiredService<IBusinessDirectory>().EnsureAsync("demo", "Demo Retail", "EUR", CancellationToken.None);
        }

        var printed = Assert.Single(logs.Messages, m => m.StartsWith("Development token for business demo, role admin, valid 12 h:", StringComparison.Ordinal));
        var token = BearerToken().Match(printed).Groups[1].Value;
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var me = await client.GetFromJsonAsync<Dictionary<string, object>>("/api/me");

        Assert.Equal("demo", me!["business"].ToString());
        Assert.Equal(demo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), me["businessId"].ToString());
        Assert.Equal("admin", me["role"].ToString());
    }

    [Fact]
    public async Task Outside_development_no_token_is_printed()
    {
        var database = await postgres.CreateDatabaseAsync("notoken");
        var logs = new CapturedLogs();
        await using var factory = new RfmHostFactory(
            database,
            new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" },
            environment: "Production",
            configure: b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        _ = factory.Server;

        Assert.DoesNotContain(logs.Messages, m => m.Contains("Bearer", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"Authorization: Bearer (\S+)")]
    private static partial Regex BearerToken();
}
