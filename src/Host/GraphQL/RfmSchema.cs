using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.Host.Auth;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Sales;
using RfmGraph.Scoring;

namespace RfmGraph.Host.GraphQL;

/// <summary>
/// The Host's schema: the three roots, the Host's own <c>viewer</c>, then each module's types through its
/// <c>AddXTypes(SchemaBuilder)</c> (they extend the roots and each other's types by name), then the
/// development-only parts when configured.
/// </summary>
internal static class RfmSchema
{
    public static Schema Build(bool includeDevelopmentParts)
    {
        var builder = new SchemaBuilder()
            .Object("Query", query => query.Description("Read your business's data."))
            .Object("Mutation", mutation => mutation.Description("Change your business's data."))
            .Object("Subscription", subscription => subscription.Description("Events of your business."));
        builder.ExtendObject<object>("Query", query => query
            .Field("viewer", "Viewer!", field => field
                .Description("Who the request's credentials say the caller is, and the business it acts for.")
                .Resolve((_, context) => Viewer.From(context))));
        builder.Object<Viewer>("Viewer", viewer => viewer
            .Description("The authenticated caller.")
            .Field("subject", "String!", v => v.Subject, "The user id, or apikey:<prefix> for an API key.")
            .Field("business", "String!", v => v.Business, "The key of the business the caller acts for.")
            .Field("role", "String!", v => v.Role, "The caller's role.")
            .Field("authenticatedWith", "String!", v => v.AuthenticatedWith, "jwt or apikey."));
        builder.AddSalesTypes().AddScoringTypes();
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
