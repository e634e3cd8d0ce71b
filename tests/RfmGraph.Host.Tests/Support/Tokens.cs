using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RfmGraph.Host.Tests.Support;

/// <summary>Hand-made tokens, good and bad, signed independently of the Host's own issuer.</summary>
internal static class Tokens
{
    public static string Create(
        string? business = "acme",
        string? role = "analyst",
        string key = RfmHostFactory.SigningKey,
        string issuer = RfmHostFactory.Issuer,
        string audience = RfmHostFactory.Audience,
        DateTime? expires = null)
    {
        var claims = new List<Claim> { new("sub", "user-1") };
        if (business is not null)
        {
            claims.Add(new Claim("business", business));
        }

        if (role is not null)
        {
            claims.Add(new Claim("role", role));
        }

        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expiry.AddHours(-1),
            IssuedAt = expiry.AddHours(-1),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
