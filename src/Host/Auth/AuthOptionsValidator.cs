using Microsoft.Extensions.Options;

namespace RfmGraph.Host.Auth;

/// <summary>One message per bad setting, each naming the setting and its environment variable.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public const int MinimumSigningKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var jwt = options.Jwt;
        var hasKey = !string.IsNullOrWhiteSpace(jwt.SigningKey);
        var hasAuthority = !string.IsNullOrWhiteSpace(jwt.Authority);

        if (!hasKey && !hasAuthority)
        {
            failures.Add("Set Auth:Jwt:SigningKey (RFMGRAPH__AUTH__JWT__SIGNINGKEY, a secret of at least 32 characters) or Auth:Jwt:Authority (RFMGRAPH__AUTH__JWT__AUTHORITY, an OpenID Connect issuer URL).");
        }

        if (hasKey && jwt.SigningKey!.Length < MinimumSigningKeyLength)
        {
            failures.Add($"Auth:Jwt:SigningKey (RFMGRAPH__AUTH__JWT__SIGNINGKEY) must be at least {MinimumSigningKeyLength} characters; it has {jwt.SigningKey.Length}.");
        }

        if (hasAuthority && (!Uri.TryCreate(jwt.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"Auth:Jwt:Authority (RFMGRAPH__AUTH__JWT__AUTHORITY) must be an absolute http(s) URL; got '{jwt.Authority}'.");
        }

        if (!hasAuthority && string.IsNullOrWhiteSpace(jwt.Issuer))
        {
            failures.Add("Auth:Jwt:Issuer (RFMGRAPH__AUTH__JWT__ISSUER) is required with a signing key.");
        }

        if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            failures.Add("Auth:Jwt:Audience (RFMGRAPH__AUTH__JWT__AUDIENCE) is required.");
        }

        if (jwt.ClockSkewSeconds is < 0 or > 600)
        {
            failures.Add($"Auth:Jwt:ClockSkewSeconds (RFMGRAPH__AUTH__JWT__CLOCKSKEWSECONDS) must be between 0 and 600; got {jwt.ClockSkewSeconds}.");
        }

        if (options.DevelopmentToken.LifetimeHours is < 1 or > 720)
        {
            failures.Add($"Auth:DevelopmentToken:LifetimeHours (RFMGRAPH__AUTH__DEVELOPMENTTOKEN__LIFETIMEHOURS) must be between 1 and 720; got {options.DevelopmentToken.LifetimeHours}.");
        }

        if (!RfmRoles.IsKnown(options.DevelopmentToken.Role))
        {
            failures.Add($"Auth:DevelopmentToken:Role (RFMGRAPH__AUTH__DEVELOPMENTTOKEN__ROLE): {RfmRoles.Unknown(options.DevelopmentToken.Role)}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
