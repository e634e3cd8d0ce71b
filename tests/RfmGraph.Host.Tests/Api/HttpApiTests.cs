using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RfmGraph.Host.Tests.Support;

namespace RfmGraph.Host.Tests.Api;

/// <summary>The API over HTTP at /graphql with bearer tokens of two businesses: the token decides what is visible.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpApiTests(ApiFixture api)
{
    [Fact]
    public async Task Each_token_sees_only_its_business()
    {
        await api.Scenario.EnsureAsync();
        var body = JsonSerializer.Serialize(new
        {
            query = "query($id: ID!) { customers { totalCount } customer(id: $id) { externalId rfm { segment { code } } } }",
            variables = new { id = api.Scenario.CustomerIds["C1"] },
        });

        var acme = await PostAsync(Tokens.Create(business: "acme"), body);
        var globex = await PostAsync(Tokens.Create(business: "globex"), body);

        Assert.Equal(6, acme.GetProperty("customers").GetProperty("totalCount").GetInt32());
        Assert.Equal("C1", acme.GetProperty("customer").GetProperty("externalId").GetString());
        Assert.Equal("CHAMPIONS", acme.GetProperty("customer").GetProperty("rfm").GetProperty("segment").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, globex.GetProperty("customer").ValueKind);
    }

    [Fact]
    public async Task The_served_schema_has_the_module_types_with_descriptions()
    {
        using var client = api.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Create());

        var sdl = await client.GetStringAsync("/graphql/schema.graphql");

        Assert.Contains("customerScores(", sdl, StringComparison.Ordinal);
        Assert.Contains("rfm: CustomerRfm", sdl, StringComparison.Ordinal);
        Assert.Contains("rfmRecalculated(", sdl, StringComparison.Ordinal);
        Assert.Contains("): RfmRecalculated!", sdl, StringComparison.Ordinal);
        Assert.Contains("requestRfmRecalculation(", sdl, StringComparison.Ordinal);
    }

    private async Task<JsonElement> PostAsync(string token, string body)
    {
        using var client = api.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(json.TryGetProperty("errors", out var errors), errors.ToString());
        return json.GetProperty("data").Clone();
    }
}
