using System.Globalization;
using System.Text;
using RfmGraph.GraphQL;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Scoring.GraphQL;

/// <summary>What every Scoring resolver needs from the request: the caller's business and id conversions.</summary>
internal static class ScoringRequest
{
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

    /// <summary>The opaque global id of a customer: the same encoding Sales uses for <c>Customer.id</c>.</summary>
    public static string CustomerGlobalId(long customerId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("Customer:" + customerId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Numeric ids (runs, schemes, storefronts) as sent in ID arguments; anything else is "not found" (null).</summary>
    public static long? ParseId(object? value) =>
        value switch
        {
            null => null,
            long l => l,
            int i => i,
            string s when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
            _ => null,
        };

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
