using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Sales.Contracts;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Auth;

/// <summary>
/// Tokens from an OpenID Connect provider: a tiny provider of our own (metadata + JWKS over plain
/// http on loopback) signs RS256 tokens; the Host learns its keys and issuer from the metadata.
/// </summary>
public sealed class OpenIdConnectAuthorityTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly RSA _providerKey = RSA.Create(2048);
    private WebApplication? _provider;
    private string _authority = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        var parameters = _providerKey.ExportParameters(includePrivateParameters: false);
        _provider.MapGet("/.well-known/openid-configuration", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _authority,
            ["jwks_uri"] = _authority + "/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _provider.MapGet("/jwks", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = "provider-key-1",
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        }));
        await _provider.StartAsync();
        _authority = _provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        _providerKey.Dispose();
    }

    [Fact]
    public async Task A_token_from_the_configured_authority_is_accepted_and_one_signed_by_another_key_is_not()
    {
        var database = await postgres.CreateDatabaseAsync("oidc");
        await using var factory = new RfmHostFactory(database, new Dictionary<string, string?>
        {
            ["Auth:Jwt:SigningKey"] = "",
            ["Auth:Jwt:Issuer"] = "",
            ["Auth:Jwt:Authority"] = _authority,
            ["Auth:Jwt:RequireHttpsMetadata"] = "false",
            ["Jobs:Enabled"] = "false",
        });
        _ = factory.Server;
        BusinessInfo acme;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            acme = await scope.ServiceProvider.GetRequiredService<IBusinessDirectory>().EnsureAsync("acme", "Acme", "EUR", CancellationToken.None);
        }

        using var good = factory.CreateClient();
        good.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sign(_providerKey, _authority));
        using var forged = factory.CreateClient();
        using var otherKey = RSA.Create(2048);
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sign(otherKey, _authority));
        using var wrongIssuer = factory.CreateClient();
        wrongIssuer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sign(_providerKey, "https://elsewhere.example"));

        var me = await good.GetFromJsonAsync<Dictionary<string, object>>("/api/me");
        Assert.Equal("acme", me!["business"].ToString());
        Assert.Equal(acme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), me["businessId"].ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongIssuer.GetAsync("/api/me")).StatusCode);
    }

    private static string Sign(RSA key, string issuer) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = RfmHostFactory.Audience,
        Expires = DateTime.UtcNow.AddMinutes(5),
        Subject = new ClaimsIdentity([new Claim("sub", "oidc-user"), new Claim("business", "acme"), new Claim("role", "viewer")]),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "provider-key-1" }, SecurityAlgorithms.RsaSha256),
    });
}
