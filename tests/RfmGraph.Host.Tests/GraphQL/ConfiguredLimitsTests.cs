using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RfmGraph.Host.Tests.Support;

namespace RfmGraph.Host.Tests.GraphQL;

/// <summary>The engine's parser and validation limits are set from the GraphQL configuration section.</summary>
public sealed class ConfiguredLimitsTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task GraphQL_MaxTokens_and_MaxValidationErrors_reach_the_engine()
    {
        var settings = new Dictionary<string, string?>
        {
            ["GraphQL:MaxTokens"] = "12",
            ["GraphQL:MaxValidationErrors"] = "2",
            ["GraphQL:MaxDocumentLength"] = "200",
        };
        await using var factory = new RfmHostFactory(host.ConnectionString, settings);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Create(business: "acme", role: "viewer"));

        // 16 punctuators and names, over the limit of 12 (the message is graphql-js' own, typo included).
        var tooManyTokens = await PostAsync(client, "{ viewer { subject business role authenticatedWith } a b c d e f g }");
        Assert.Equal(["Syntax Error: Document contains more that 12 tokens. Parsing aborted."], Messages(tooManyTokens));

        // Four unknown fields: two errors reported, then validation stops (graphql-js' maxErrors behaviour).
        var capped = await PostAsync(client, "{ a b c d }");
        Assert.Equal(
            ["Cannot query field \"a\" on type \"Query\".", "Cannot query field \"b\" on type \"Query\".", "Too many validation errors, error limit reached. Validation aborted."],
            Messages(capped));

        var tooLong = await PostAsync(client, "{ viewer { subject } }" + new string(' ', 200));
        Assert.Single(Messages(tooLong));
        Assert.Contains("200", Messages(tooLong)[0], StringComparison.Ordinal);

        var fine = await PostAsync(client, "{ viewer { role } }");
        Assert.Equal("""{"data":{"viewer":{"role":"viewer"}}}""", fine.GetRawText());
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query)
    {
        using var body = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/graphql", body);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<string> Messages(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList() : [];
}
