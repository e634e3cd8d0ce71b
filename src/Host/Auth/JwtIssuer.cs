using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RfmGraph.Host.Auth;

/// <summary>Signs tokens with the configured key: the development token, and tests. Production tokens come from an identity provider or a trusted issuer holding the same key.</summary>
internal sealed class JwtIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>True when a signing key is configured (an authority-only setup cannot sign).</summary>
    public bool CanIssue => !string.IsNullOrWhiteSpace(options.Value.Jwt.SigningKey);

    public string Issue(string businessKey, string role, TimeSpan lifetime, string subject = "developer")
    {
        var jwt = options.Value.Jwt;
        if (!CanIssue)
        {
            throw new InvalidOperationException("Auth:Jwt:SigningKey is not configured; tokens come from the identity provider.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(RfmClaims.Subject, subject),
                new Claim(RfmClaims.Business, businessKey),
                new Claim(RfmClaims.Role, role),
            ]),
            SigningCredentials = new SigningCredentials(JwtValidator.SigningKey(jwt.SigningKey!), SecurityAlgorithms.HmacSha256),
        });
    }
}
