using System.Net;
using System.Net.Http.Headers;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.GraphQL;

/// <summary>The production schema (no development parts) as the Host serves it, diffed against the committed SDL.</summary>
public sealed class SchemaSnapshotTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_served_sdl_matches_the_committed_snapshot()
    {
        await using var production = new RfmHostFactory(host.ConnectionString, new Dictionary<string, string?>
        {
            ["GraphQL:DevelopmentSchema"] = "false",
            ["Jobs:Enabled"] = "false",
        });
        using var client = production.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Create());

        using var response = await client.GetAsync("/graphql/schema.graphql");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("ticks", sdl, StringComparison.Ordinal);
        Snapshot.Match(sdl, "schema.graphql");
    }
}
