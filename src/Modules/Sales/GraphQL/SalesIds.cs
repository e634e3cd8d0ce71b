using System.Globalization;
using RfmGraph.GraphQL;
using RfmGraph.GraphQL.Data;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Sales.GraphQL;

/// <summary>The caller's business, and the ids of the Sales API (Relay global ids of the engine's Node convention).</summary>
internal static class SalesIds
{
    public const string CustomerType = "Customer";
    public const string StorefrontType = "Storefront";

    public static long BusinessId(IResolverContext context)
    {
        var tenant = context.Service<ITenantContext>();
        if (!tenant.IsResolved)
        {
            throw new GraphQLException(new GraphQLError("This request has no business; authenticate with a business token or API key."));
        }

        return tenant.BusinessId;
    }

    /// <summary>Opaque global id of a customer (Customer.id).</summary>
    public static string Customer(long id) => NodeId.Encode(CustomerType, id);

    /// <summary>Opaque global id of a storefront (Storefront.id).</summary>
    public static string Storefront(long id) => NodeId.Encode(StorefrontType, id);

    /// <summary>The internal id in a customer global id; null for anything else (treated as "not found").</summary>
    public static long? ParseCustomer(object? value) => Parse(value, CustomerType, acceptNumeric: false);

    /// <summary>
    /// The internal id of a storefront argument: its global id, or (as before global ids) the bare number; null for
    /// anything else (treated as "not found").
    /// </summary>
    public static long? ParseStorefront(object? value) => Parse(value, StorefrontType, acceptNumeric: true);

    private static long? Parse(object? value, string type, bool acceptNumeric)
    {
        if (acceptNumeric && value is long or int)
        {
            return Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }

        if (value is not string text)
        {
            return null;
        }

        if (acceptNumeric && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        return NodeId.TryDecode(text, out var typeName, out var key)
            && typeName == type
            && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    public static string Numeric(long id) => id.ToString(CultureInfo.InvariantCulture);
}
