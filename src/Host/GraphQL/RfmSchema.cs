using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.Host.Auth;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Host.GraphQL;

/// <summary>
/// The Host's schema: the Host's own root fields, then each module's types (modules add theirs through their
/// <c>AddXTypes(SchemaBuilder)</c> here as they gain them), then the development-only parts when configured.
/// </summary>
internal static class RfmSchema
{
    public static Schema Build(bool includeDevelopmentParts)
    {
        var builder = new SchemaBuilder();
        builder.Object<object>("Query", query => query
            .Description("The root of every read.")
            .Field("viewer", "Viewer!", field => field
                .Description("Who the request's credentials say the caller is, and the business it acts for.")
                .Resolve((_, context) => Viewer.From(context))));
        builder.Object<Viewer>("Viewer", viewer => viewer
            .Description("The authenticated caller.")
            .Field("subject", "String!", v => v.Subject, "The user id, or apikey:<prefix> for an API key.")
            .Field("business", "String!", v => v.Business, "The key of the business the caller acts for.")
            .Field("role", "String!", v => v.Role, "The caller's role.")
            .Field("authenticatedWith", "String!", v => v.AuthenticatedWith, "jwt or apikey."));
        if (includeDevelopmentParts)
        {
            DevelopmentSchema.AddTo(builder);
        }
        return builder.Build();
    }

    internal sealed record Viewer(string Subject, string Business, string Role, string AuthenticatedWith)
    {
        public static Viewer From(IResolverContext context)
        {
            var user = context.Request.User;
            var tenant = context.Service<ITenantContext>();
            return new Viewer(
                user.FindFirst(RfmClaims.Subject)?.Value ?? string.Empty,
                tenant.BusinessKey,
                user.FindFirst(RfmClaims.Role)?.Value ?? string.Empty,
                user.FindFirst(RfmClaims.Method)?.Value ?? string.Empty);
        }
    }
}
