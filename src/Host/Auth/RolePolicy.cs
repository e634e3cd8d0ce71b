using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.Host.Auth;

/// <summary>
/// Which role may select which field, applied by the GraphQL engine to the whole operation before any
/// resolver runs (<see cref="GraphQLOptions.AuthorizeField"/>; docs/graphql-engine.md, "Field authorization").
/// Every role may query and subscribe; each mutation lists the roles that may call it, and a mutation that
/// is not listed is for admins only, so a new mutation is closed until someone decides who may use it.
/// </summary>
internal static class RolePolicy
{
    private const string MutationType = "Mutation";

    private static readonly Dictionary<string, string[]> MutationRoles = new(StringComparer.Ordinal)
    {
        ["createStorefront"] = [RfmRoles.Integrator, RfmRoles.Admin],
        ["upsertCustomer"] = [RfmRoles.Integrator, RfmRoles.Admin],
        ["recordSale"] = [RfmRoles.Integrator, RfmRoles.Admin],
        ["requestRfmRecalculation"] = [RfmRoles.Analyst, RfmRoles.Admin],
        ["defineSegmentScheme"] = [RfmRoles.Analyst, RfmRoles.Admin],
        ["previewSegmentScheme"] = [RfmRoles.Analyst, RfmRoles.Admin],
    };

    private static readonly string[] AdminOnly = [RfmRoles.Admin];

    /// <summary>The roles that may call a mutation field.</summary>
    public static IReadOnlyList<string> RolesFor(string mutationField) => MutationRoles.GetValueOrDefault(mutationField, AdminOnly);

    public static string? Authorize(NamedType parentType, FieldDefinition field, RequestContext request)
    {
        // HTTP and WebSocket requests always carry an authenticated principal (the endpoint's fallback policy
        // and the connection initializer see to it). An unauthenticated one only comes from in-process callers
        // of the executor (the Host's own code, tests), which act with full rights.
        var user = request.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var role = user.FindFirst(RfmClaims.Role)?.Value;
        if (!RfmRoles.IsKnown(role))
        {
            return $"The caller's role {RfmRoles.Unknown(role)}";
        }

        if (parentType.Name != MutationType)
        {
            return null;
        }

        var allowed = RolesFor(field.Name);
        return allowed.Contains(role!)
            ? null
            : $"The role '{role}' may not call {field.Name}; it needs the role {string.Join(" or ", allowed)}.";
    }
}
