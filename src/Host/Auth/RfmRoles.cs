namespace RfmGraph.Host.Auth;

/// <summary>
/// The roles a token or API key can carry (README, "Authentication"; docs/api.md). Anything else is
/// rejected: at create-api-key, when a token or key is presented, and in Auth:DevelopmentToken:Role.
/// </summary>
internal static class RfmRoles
{
    /// <summary>Everything, including mutations no other role is listed for.</summary>
    public const string Admin = "admin";

    /// <summary>Queries, plus running RFM recalculations and defining or previewing segment schemes.</summary>
    public const string Analyst = "analyst";

    /// <summary>Queries, plus the sales ingest mutations (storefronts, customers, sales).</summary>
    public const string Integrator = "integrator";

    /// <summary>Queries and subscriptions only.</summary>
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Analyst, Integrator, Viewer];

    public static bool IsKnown(string? role) => role is Admin or Analyst or Integrator or Viewer;

    /// <summary>The sentence shown for an unknown role.</summary>
    public static string Unknown(string? role) => $"'{role}' is not a role; use one of: {string.Join(", ", All)}.";
}
