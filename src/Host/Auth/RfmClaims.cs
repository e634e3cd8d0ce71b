namespace RfmGraph.Host.Auth;

/// <summary>Claim names in our tokens and on the authenticated principal.</summary>
internal static class RfmClaims
{
    /// <summary>Business key (slug) the caller acts for.</summary>
    public const string Business = "business";

    /// <summary>Database id of that business (added by the Host after resolving the key).</summary>
    public const string BusinessId = "business_id";

    /// <summary>Caller's role: one of <see cref="RfmRoles.All"/>.</summary>
    public const string Role = "role";

    /// <summary>Subject: user id, or <c>apikey:&lt;prefix&gt;</c> for an API key.</summary>
    public const string Subject = "sub";

    /// <summary>How the caller authenticated: "jwt" or "apikey".</summary>
    public const string Method = "amr";
}
