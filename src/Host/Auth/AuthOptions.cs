namespace RfmGraph.Host.Auth;

/// <summary>How callers prove who they are (section <c>Auth</c>).</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public JwtOptions Jwt { get; set; } = new();

    public DevelopmentTokenOptions DevelopmentToken { get; set; } = new();
}

/// <summary>
/// Bearer tokens: either signed with our own key (HS256, <see cref="SigningKey"/>) or issued by an
/// OpenID Connect provider (<see cref="Authority"/>; keys and issuer come from its metadata).
/// Tokens carry the claims <c>business</c> (business key) and <c>role</c>.
/// </summary>
internal sealed class JwtOptions
{
    /// <summary>Shared HS256 secret, at least 32 characters. Keep it out of appsettings in production (use the env var).</summary>
    public string? SigningKey { get; set; }

    /// <summary>Expected <c>iss</c>; optional with an authority (its metadata says it).</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected <c>aud</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>OpenID Connect issuer URL; its <c>/.well-known/openid-configuration</c> supplies signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>Refuse plain-http metadata (turn off only for a local identity provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerated clock difference when checking expiry.</summary>
    public int ClockSkewSeconds { get; set; } = 60;
}

/// <summary>The token the Host prints at start-up in Development, for trying the API at once.</summary>
internal sealed class DevelopmentTokenOptions
{
    /// <summary>Print a token at start-up (only ever in the Development environment, and only with a signing key).</summary>
    public bool Print { get; set; } = true;

    public string BusinessKey { get; set; } = "demo";

    public string Role { get; set; } = "admin";

    public int LifetimeHours { get; set; } = 12;
}
