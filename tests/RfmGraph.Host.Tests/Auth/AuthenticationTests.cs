using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Platform.Security;

namespace RfmGraph.Host.Tests.Auth;

public sealed class AuthenticationTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/api/me")]
    [InlineData("/graphql")]
    [InlineData("/jobs")]
    [InlineData("/anything/else")]
    public async Task Without_credentials_every_endpoint_but_health_answers_401(string path)
    {
        using var client = host.Factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.Select(h => h.Scheme));
        Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.Select(h => h.Scheme));
    }

    [Fact]
    public async Task A_valid_token_authenticates_and_binds_the_request_to_its_business()
    {
        using var client = ClientWithBearer(Tokens.Create(business: "globex", role: "analyst"));

        var me = await client.GetFromJsonAsync<Caller>("/api/me");

        Assert.Equal(new Caller("user-1", "globex", host.Globex.Id, "analyst", "jwt"), me);
    }

    [Theory]
    [InlineData("bad-signature")]
    [InlineData("expired")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-audience")]
    [InlineData("unknown-business")]
    [InlineData("no-business-claim")]
    [InlineData("no-role-claim")]
    [InlineData("not-a-jwt")]
    public async Task A_bad_token_answers_401(string kind)
    {
        var token = kind switch
        {
            "bad-signature" => Tokens.Create(key: "another-signing-key-that-is-long-enough-0123"),
            "expired" => Tokens.Create(expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong-issuer" => Tokens.Create(issuer: "someone-else"),
            "wrong-audience" => Tokens.Create(audience: "another-api"),
            "unknown-business" => Tokens.Create(business: "no-such-business"),
            "no-business-claim" => Tokens.Create(business: null),
            "no-role-claim" => Tokens.Create(role: null),
            _ => "not.a.jwt",
        };
        using var client = ClientWithBearer(token);

        using var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_api_key_works_in_the_x_api_key_header_and_as_an_authorization_scheme()
    {
        var key = await CreateKeyAsync("acme", "integrator");

        using var viaHeader = host.Factory.CreateClient();
        viaHeader.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        using var viaAuthorization = host.Factory.CreateClient();
        viaAuthorization.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key.Key);

        var expected = new Caller($"apikey:{key.Prefix}", "acme", host.Acme.Id, "integrator", "apikey");
        Assert.Equal(expected, await viaHeader.GetFromJsonAsync<Caller>("/api/me"));
        Assert.Equal(expected, await viaAuthorization.GetFromJsonAsync<Caller>("/api/me"));
    }

    [Fact]
    public async Task An_invalid_or_revoked_api_key_answers_401()
    {
        var key = await CreateKeyAsync("acme", "integrator");
        using var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key[..^2] + "zz");
        using (var wrong = await client.GetAsync("/api/me"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().RevokeAsync(key.Prefix, CancellationToken.None));
        }

        using var revokedClient = host.Factory.CreateClient();
        revokedClient.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        using var revoked = await revokedClient.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        var body = await revoked.Content.ReadFromJsonAsync<Problem>();
        Assert.Equal(new Problem("unauthorized", "The API key is not valid or has been revoked."), body);
    }

    private HttpClient ClientWithBearer(string token)
    {
        var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<CreatedApiKey> CreateKeyAsync(string businessKey, string role)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var business = businessKey == "acme" ? host.Acme : host.Globex;
        return await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync(business.Id, business.Key, role, "tests", CancellationToken.None);
    }

    private sealed record Caller(string Subject, string Business, long BusinessId, string Role, string AuthenticatedWith);

    private sealed record Problem(string Error, string Message);
}
