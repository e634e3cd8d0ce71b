using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using RfmGraph.GraphQL.WebSockets;
using RfmGraph.Host.Auth;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Host.GraphQL;

/// <summary>
/// WebSocket credentials: the connection_init payload carries <c>{"authorization": "Bearer &lt;jwt&gt;"}</c> or
/// <c>{"apiKey": "&lt;key&gt;"}</c>. They are checked by the same authentication handler as HTTP requests, on a
/// stand-alone request built from the payload, so both transports accept exactly the same credentials.
/// </summary>
internal sealed class RfmConnectionInitializer(IServiceScopeFactory scopes) : IGraphQLConnectionInitializer
{
    public async ValueTask<ClaimsPrincipal?> AuthenticateAsync(HttpContext upgradeRequest, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken)
    {
        var authorization = Text(payload, "authorization") ?? Text(payload, "Authorization");
        var apiKey = Text(payload, "apiKey");
        if (authorization is null && apiKey is null)
        {
            return null;
        }
        await using var scope = scopes.CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (apiKey is not null)
        {
            probe.Request.Headers[RfmAuthenticationHandler.ApiKeyHeader] = apiKey;
        }
        else
        {
            probe.Request.Headers.Authorization = authorization;
        }
        var result = await probe.AuthenticateAsync(RfmAuthenticationHandler.SchemeName);
        return result.Succeeded ? result.Principal : null;
    }

    public ValueTask InitializeOperationScopeAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The principal carries the business the handler resolved at connection_init; each operation's scope acts for it.
        var id = user.FindFirst(RfmClaims.BusinessId)?.Value;
        var key = user.FindFirst(RfmClaims.Business)?.Value;
        if (id is not null && key is not null)
        {
            services.GetRequiredService<TenantContext>().Set(long.Parse(id, CultureInfo.InvariantCulture), key);
        }
        return ValueTask.CompletedTask;
    }

    private static string? Text(IReadOnlyDictionary<string, object?>? payload, string key) =>
        payload is not null && payload.TryGetValue(key, out var value) && value is string { Length: > 0 } text ? text : null;
}
