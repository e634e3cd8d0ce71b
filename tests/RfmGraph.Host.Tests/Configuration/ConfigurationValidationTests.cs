using Microsoft.Extensions.Options;
using RfmGraph.Host.Auth;
using RfmGraph.Host.Cli;
using RfmGraph.Host.Web;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Configuration;

public sealed class ConfigurationValidationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public void Each_bad_auth_setting_gets_its_own_message_naming_the_setting_and_env_var()
    {
        var options = new AuthOptions
        {
            Jwt = new JwtOptions { SigningKey = "short", Issuer = "", Audience = " ", ClockSkewSeconds = 900 },
            DevelopmentToken = new DevelopmentTokenOptions { LifetimeHours = 0 },
        };

        var result = new AuthOptionsValidator().Validate(null, options);

        Assert.Equal(
        [
            "Auth:Jwt:SigningKey (RFMGRAPH__AUTH__JWT__SIGNINGKEY) must be at least 32 characters; it has 5.",
            "Auth:Jwt:Issuer (RFMGRAPH__AUTH__JWT__ISSUER) is required with a signing key.",
            "Auth:Jwt:Audience (RFMGRAPH__AUTH__JWT__AUDIENCE) is required.",
            "Auth:Jwt:ClockSkewSeconds (RFMGRAPH__AUTH__JWT__CLOCKSKEWSECONDS) must be between 0 and 600; got 900.",
            "Auth:DevelopmentToken:LifetimeHours (RFMGRAPH__AUTH__DEVELOPMENTTOKEN__LIFETIMEHOURS) must be between 1 and 720; got 0.",
        ], result.Failures);
    }

    [Fact]
    public void Neither_a_signing_key_nor_an_authority_is_one_message_saying_what_to_set()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions { Jwt = new JwtOptions { Audience = "api" } });

        Assert.Equal(
        [
            "Set Auth:Jwt:SigningKey (RFMGRAPH__AUTH__JWT__SIGNINGKEY, a secret of at least 32 characters) or Auth:Jwt:Authority (RFMGRAPH__AUTH__JWT__AUTHORITY, an OpenID Connect issuer URL).",
            "Auth:Jwt:Issuer (RFMGRAPH__AUTH__JWT__ISSUER) is required with a signing key.",
        ], result.Failures);
    }

    [Fact]
    public void An_authority_alone_is_enough_and_must_be_a_url()
    {
        Assert.True(new AuthOptionsValidator().Validate(null, new AuthOptions { Jwt = new JwtOptions { Authority = "https://id.example.com/realms/rfm", Audience = "api" } }).Succeeded);

        var bad = new AuthOptionsValidator().Validate(null, new AuthOptions { Jwt = new JwtOptions { Authority = "id.example.com", Audience = "api" } });
        Assert.Equal(["Auth:Jwt:Authority (RFMGRAPH__AUTH__JWT__AUTHORITY) must be an absolute http(s) URL; got 'id.example.com'."], bad.Failures);
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_bad_settings_and_lists_every_one()
    {
        var database = await postgres.CreateDatabaseAsync("badconfig");
        await using var app = RfmWebApplication.Build(
        [
            "--environment=Testing",
            $"--ConnectionStrings:Rfm={database}",
            "--Auth:Jwt:SigningKey=too-short",
            "--Jobs:MaxConcurrency=0",
            "--Demo:Customers=-5",
            "--Database:ConnectTimeoutSeconds=100000",
        ]);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        Assert.True(CliErrors.TryDescribe(error, out var message), error.ToString());

        var lines = message.Split(Environment.NewLine);
        Assert.Equal("Invalid configuration:", lines[0]);
        Assert.Contains("  - Auth:Jwt:SigningKey (RFMGRAPH__AUTH__JWT__SIGNINGKEY) must be at least 32 characters; it has 9.", lines);
        Assert.Contains("  - Demo:Customers (RFMGRAPH__DEMO__CUSTOMERS) must be between 1 and 10000000; got '-5'.", lines);
        Assert.Contains("  - Jobs:MaxConcurrency (RFMGRAPH__JOBS__MAXCONCURRENCY) must be between 1 and 64; got '0'.", lines);
        Assert.Contains("  - Database:ConnectTimeoutSeconds (RFMGRAPH__DATABASE__CONNECTTIMEOUTSECONDS) must be between 0 and 600; got '100000'.", lines);
        Assert.Equal(5, lines.Length);
    }
}
