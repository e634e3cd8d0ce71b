using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Platform.Security;

namespace RfmGraph.Host.Tests.Auth;

/// <summary>
/// Roles are enforced by the GraphQL engine before any resolver runs: each role against a query, an ingest
/// mutation and an analyst mutation, over HTTP with real tokens, checking the error and the database.
/// </summary>
public sealed class RoleAuthorizationTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string ViewerQuery = "{ viewer { role } }";

    [Theory]
    [InlineData("viewer")]
    [InlineData("analyst")]
    [InlineData("integrator")]
    [InlineData("admin")]
    public async Task Every_role_may_query(string role)
    {
        var response = await PostAsync(role, ViewerQuery);

        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Equal(role, response.GetProperty("data").GetProperty("viewer").GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("viewer", false)]
    [InlineData("analyst", false)]
    [InlineData("integrator", true)]
    [InlineData("admin", true)]
    public async Task Only_integrators_and_admins_may_create_storefronts(string role, bool allowed)
    {
        var code = "sf-" + role;

        var response = await PostAsync(role, $$"""mutation { createStorefront(input: { code: "{{code}}", name: "Store" }) { storefront { code } userErrors { code } } }""");

        if (allowed)
        {
            Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
            Assert.Equal(code, response.GetProperty("data").GetProperty("createStorefront").GetProperty("storefront").GetProperty("code").GetString());
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM sales.storefronts WHERE code = '{code}'"));
        }
        else
        {
            AssertForbidden(response, role, "createStorefront", "integrator or admin");
            Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM sales.storefronts WHERE code = '{code}'"));
        }
    }

    [Theory]
    [InlineData("viewer", false)]
    [InlineData("integrator", false)]
    [InlineData("analyst", true)]
    [InlineData("admin", true)]
    public async Task Only_analysts_and_admins_may_define_segment_schemes(string role, bool allowed)
    {
        var key = "scheme-" + role;

        var response = await PostAsync(role, DefineScheme(key));

        if (allowed)
        {
            Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
            Assert.Equal(key, response.GetProperty("data").GetProperty("defineSegmentScheme").GetProperty("scheme").GetProperty("key").GetString());
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM scoring.segment_schemes WHERE key = '{key}'"));
        }
        else
        {
            AssertForbidden(response, role, "defineSegmentScheme", "analyst or admin");
            Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM scoring.segment_schemes WHERE key = '{key}'"));
        }
    }

    [Fact]
    public async Task One_denied_field_rejects_the_whole_operation_so_the_allowed_one_writes_nothing()
    {
        var response = await PostAsync("integrator", $$"""
            mutation {
              ok: createStorefront(input: { code: "mixed", name: "Mixed" }) { storefront { code } }
              ...Scheme
            }
            fragment Scheme on Mutation { no: defineSegmentScheme(input: { key: "mixed", name: "M", fallback: { name: "All", code: "ALL" }, rules: [] }) { scheme { key } } }
            """);

        Assert.False(response.TryGetProperty("data", out _));
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("""["no"]""", error.GetProperty("path").GetRawText());
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM sales.storefronts WHERE code = 'mixed'"));
    }

    [Fact]
    public async Task A_mutation_the_policy_does_not_list_is_for_admins_only()
    {
        Assert.Equal(["admin"], RfmGraph.Host.Auth.RolePolicy.RolesFor("someFutureMutation"));
        Assert.Equal(["integrator", "admin"], RfmGraph.Host.Auth.RolePolicy.RolesFor("recordSale"));
        Assert.Equal(["analyst", "admin"], RfmGraph.Host.Auth.RolePolicy.RolesFor("requestRfmRecalculation"));

        var response = await PostAsync("viewer", """mutation { recordSale(input: { externalId: "X1", customerId: "Q3VzdG9tZXI6MQ==", storefrontId: "U3RvcmVmcm9udDox", orderedAt: "2026-01-01T00:00:00Z", amount: 1 }) { userErrors { code } } }""");

        AssertForbidden(response, "viewer", "recordSale", "integrator or admin");
    }

    [Theory]
    [InlineData("ops")]
    [InlineData("Admin")]
    [InlineData("")]
    public async Task A_token_with_an_unknown_role_is_rejected(string role)
    {
        using var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Create(business: "acme", role: role));

        using var response = await client.PostAsync("/graphql", new StringContent(JsonSerializer.Serialize(new { query = ViewerQuery }), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_api_key_stored_with_a_role_that_is_not_known_is_rejected()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var legacy = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync(host.Acme.Id, "acme", "ops", "legacy", CancellationToken.None);
        var current = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync(host.Acme.Id, "acme", "viewer", "current", CancellationToken.None);
        using var client = host.Factory.CreateClient();

        using var rejected = await PostWithKeyAsync(client, legacy.Key);
        using var accepted = await PostWithKeyAsync(client, current.Key);

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Contains("'ops' is not a role", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query = ViewerQuery }), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    private static void AssertForbidden(JsonElement response, string role, string field, string needed)
    {
        Assert.False(response.TryGetProperty("data", out _));
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal($"The role '{role}' may not call {field}; it needs the role {needed}.", error.GetProperty("message").GetString());
        Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal($"""["{field}"]""", error.GetProperty("path").GetRawText());
    }

    private static string DefineScheme(string key) => $$"""
        mutation {
          defineSegmentScheme(input: {
            key: "{{key}}", name: "Two", bins: 3,
            fallback: { name: "Others", code: "OTHERS" },
            rules: [{ name: "Best", code: "BEST", r: { min: 3, max: 3 }, f: { min: 3, max: 3 }, m: { min: 1, max: 3 } }]
          }) { scheme { key } userErrors { code } }
        }
        """;

    private async Task<JsonElement> PostAsync(string role, string query)
    {
        using var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Create(business: "acme", role: role));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.PostAsync("/graphql", new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
