using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RfmGraph.Host.Auth;

/// <summary>Validates bearer tokens: signature (own key or the authority's keys), issuer, audience, lifetime.</summary>
internal sealed class JwtValidator
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;

    public JwtValidator(IOptions<AuthOptions> options)
    {
        var jwt = options.Value.Jwt;
        _parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? null : jwt.Issuer,
            ValidAudience = jwt.Audience,
            ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
            NameClaimType = RfmClaims.Subject,
            RoleClaimType = RfmClaims.Role,
        };

        if (!string.IsNullOrWhiteSpace(jwt.SigningKey))
        {
            _parameters.IssuerSigningKey = SigningKey(jwt.SigningKey);
            _parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else
        {
            // Keys (and the issuer, if not configured) come from the provider's metadata, refreshed by the manager.
            var metadata = jwt.Authority!.TrimEnd('/') + "/.well-known/openid-configuration";
            _parameters.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                metadata,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever { RequireHttps = jwt.RequireHttpsMetadata });
        }
    }

    /// <summary>The token's identity, or the reason it was refused.</summary>
    public async Task<(ClaimsIdentity? Identity, string? Failure)> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _parameters);
        return result.IsValid
            ? (result.ClaimsIdentity, null)
            : (null, result.Exception?.GetType().Name switch
            {
                nameof(SecurityTokenExpiredException) => "The token has expired.",
                nameof(SecurityTokenInvalidSignatureException) or nameof(SecurityTokenSignatureKeyNotFoundException) => "The token signature is not valid.",
                nameof(SecurityTokenInvalidIssuerException) => "The token issuer is not accepted.",
                nameof(SecurityTokenInvalidAudienceException) => "The token audience is not accepted.",
                _ => "The token is not valid.",
            });
    }

    /// <summary>The HS256 key for a configured secret.</summary>
    public static SymmetricSecurityKey SigningKey(string secret) => new(Encoding.UTF8.GetBytes(secret));
}
