namespace RfmGraph.Platform.Tenancy;

/// <summary>
/// The business (tenant) the current unit of work acts for: resolved once per request from its
/// credentials, or set explicitly by a job or command-line verb. Every module scopes every query
/// by <see cref="BusinessId"/>; nothing of another business is ever read or written.
/// </summary>
public interface ITenantContext
{
    /// <summary>True once a business has been resolved or set.</summary>
    bool IsResolved { get; }

    /// <summary>Database id of the business (<c>sales.businesses.id</c>).</summary>
    /// <exception cref="InvalidOperationException">No business has been resolved.</exception>
    long BusinessId { get; }

    /// <summary>Stable public key of the business (slug used in tokens, API keys and the CLI).</summary>
    string BusinessKey { get; }
}
