using RfmGraph.Host.Auth;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Host.Web;

/// <summary><c>GET /api/me</c>: who the credentials say the caller is. Lets integrators check a key or token without writing a query.</summary>
internal static class WhoAmIEndpoint
{
    public const string Path = "/api/me";

    public static IEndpointRouteBuilder MapWhoAmI(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context, ITenantContext tenant) => Results.Json(new Caller(
            context.User.FindFirst(RfmClaims.Subject)?.Value ?? string.Empty,
            tenant.BusinessKey,
            tenant.BusinessId,
            context.User.FindFirst(RfmClaims.Role)?.Value ?? string.Empty,
            context.User.FindFirst(RfmClaims.Method)?.Value ?? string.Empty)));
        return endpoints;
    }

    internal sealed record Caller(string Subject, string Business, long BusinessId, string Role, string AuthenticatedWith);
}
