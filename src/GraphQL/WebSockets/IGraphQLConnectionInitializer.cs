using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace RfmGraph.GraphQL.WebSockets;

/// <summary>
/// The application's hook for graphql-transport-ws credentials, which travel in the <c>connection_init</c> payload
/// (browsers cannot set headers on a WebSocket upgrade). Register one in DI; without it the upgrade request itself
/// must satisfy the endpoint's authorization policy.
/// </summary>
public interface IGraphQLConnectionInitializer
{
    /// <summary>
    /// Checks the <c>connection_init</c> payload (null when absent). Returns the user, or null to refuse the
    /// connection (closed with 4403 Forbidden).
    /// </summary>
    ValueTask<ClaimsPrincipal?> AuthenticateAsync(HttpContext upgradeRequest, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken);

    /// <summary>Prepares the fresh service scope of one operation for <paramref name="user"/> (e.g. binds the tenant).</summary>
    ValueTask InitializeOperationScopeAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken cancellationToken);
}
