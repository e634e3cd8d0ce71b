using System.Globalization;
using RfmGraph.GraphQL;
using RfmGraph.GraphQL.Data;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Scoring.GraphQL;

/// <summary>What every Scoring resolver needs from the request: the caller's business and the API's ids.</summary>
internal static class ScoringRequest
{
    public const string RunType = "RfmRun";
    public const string SchemeType = "SegmentScheme";

    /// <summary>Sales' node type names; Scoring encodes and decodes their ids by name, never through Sales classes.</summary>
    public const string CustomerType = "Customer";
    public const string StorefrontType = "Storefront";

    /// <summary>The business the request acts for (from its credentials); no business = no data.</summary>
    public static long BusinessId(IResolverContext context)
    {
        var tenant = context.Service<ITenantContext>();
        if (!tenant.IsResolved)
        {
            throw new GraphQLException(new GraphQLError("This request has no business; authenticate with a business token or API key."));
        }

        return tenant.BusinessId;
    }

    /// <summary>
    /// The internal id of a Sales <c>Customer</c> value. Sales' Customer values expose <c>CustomerKey</c> for
    /// type extensions; reading it by name keeps Scoring free of references to Sales classes.
    /// </summary>
    public static long CustomerKey(object? customer) =>
        DefaultResolver.Read(customer, "CustomerKey") is long key
            ? key
            : throw new InvalidOperationException("Customer values must expose a long CustomerKey (the Sales module's contract for type extensions).");

    public static string CustomerId(long id) => NodeId.Encode(CustomerType, id);

    public static string RunId(long id) => NodeId.Encode(RunType, id);

    public static string StorefrontId(long id) => NodeId.Encode(StorefrontType, id);

    public static string? StorefrontId(long? id) => id is { } value ? StorefrontId(value) : null;

    /// <summary>A run argument: its global id (or the bare number); anything else is "not found" (null).</summary>
    public static long? ParseRun(object? value) => Parse(value, RunType);

    public static long? ParseScheme(object? value) => Parse(value, SchemeType);

    public static long? ParseStorefront(object? value) => Parse(value, StorefrontType);

    /// <summary>The storefrontId argument as a scope: absent/null = all storefronts; an unknown id = a scope with nothing in it.</summary>
    public static long? StorefrontScope(IResolverContext context) =>
        context.Arguments.TryGetValue("storefrontId", out var value) && value is not null ? ParseStorefront(value) ?? -1 : null;

    /// <summary>The elements of a coerced list argument (null or absent: none).</summary>
    public static IEnumerable<object?> Items(object? value) => value is System.Collections.IEnumerable list and not string ? list.Cast<object?>() : [];

    private static long? Parse(object? value, string type)
    {
        switch (value)
        {
            case long l:
                return l;
            case int i:
                return i;
            case string s when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var plain):
                return plain;
            case string s when NodeId.TryDecode(s, out var typeName, out var key) && typeName == type
                && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                return id;
            default:
                return null;
        }
    }
}
