using System.Globalization;
using System.Text;
using RfmGraph.GraphQL;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Sales.GraphQL;

/// <summary>The caller's business, and the id formats of the Sales API.</summary>
internal static class SalesIds
{
    private const string CustomerPrefix = "Customer:";

    public static long BusinessId(IResolverContext context)
    {
        var tenant = context.Service<ITenantContext>();
        if (!tenant.IsResolved)
        {
            throw new GraphQLException(new GraphQLError("This request has no business; authenticate with a business token or API key."));
        }

        return tenant.BusinessId;
    }

    /// <summary>Opaque global id of a customer (Node.id): base64 of "Customer:&lt;id&gt;". Scoring encodes customerId the same way.</summary>
    public static string Customer(long id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CustomerPrefix + id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The internal id in a customer global id; null for anything else (treated as "not found").</summary>
    public static long? ParseCustomer(object? value)
    {
        if (value is not string text)
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            return decoded.StartsWith(CustomerPrefix, StringComparison.Ordinal)
                && long.TryParse(decoded.AsSpan(CustomerPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Numeric ids (storefronts, sales) as sent in ID arguments; anything else is null ("not found").</summary>
    public static long? ParseNumeric(object? value) => value switch
    {
        long l => l,
        int i => i,
        string s when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
        _ => null,
    };

    public static string Numeric(long id) => id.ToString(CultureInfo.InvariantCulture);
}
