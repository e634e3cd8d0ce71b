using Npgsql;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Platform.GraphQL.Querying;

namespace RfmGraph.Sales.GraphQL;

/// <summary>Customer reads of the API: a keyset-paged connection and single lookups, always within the caller's business.</summary>
internal static class CustomersQuery
{
    public static readonly SqlModel Model = new(
        "Customer",
        "sales.customers c",
        "c.id",
        [
            new("externalId", "c.external_id", SqlKind.String, "The customer's id in the source system."),
            new("name", "c.name", SqlKind.String, "Name.", "coalesce(c.name, '')"),
            new("email", "c.email", SqlKind.String, "Email address.", "coalesce(c.email, '')"),
            new("createdAt", "c.created_at", SqlKind.DateTime, "When the customer was first recorded."),
        ]);

    private static readonly SqlPage<CustomerNode> Page = new(Model, CustomerNode.Read, CustomerNode.Columns);

    public static Task<Connection<CustomerNode>> PageAsync(IResolverContext context) =>
        Page.ExecuteAsync(
            context.Service<NpgsqlDataSource>(),
            context,
            "c.business_id = @business",
            [new NpgsqlParameter("business", SalesIds.BusinessId(context))],
            [("externalId", false)]);

    public static async Task<CustomerNode?> FindAsync(IResolverContext context, long customerId)
    {
        await using var command = context.Service<NpgsqlDataSource>().CreateCommand(
            $"SELECT {CustomerNode.Columns} FROM sales.customers c WHERE c.business_id = @business AND c.id = @id");
        command.Parameters.AddWithValue("business", SalesIds.BusinessId(context));
        command.Parameters.AddWithValue("id", customerId);
        await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
        return await reader.ReadAsync(context.CancellationToken) ? CustomerNode.Read(reader) : null;
    }

    public static async Task<CustomerNode?> FindByExternalIdAsync(IResolverContext context, string externalId)
    {
        await using var command = context.Service<NpgsqlDataSource>().CreateCommand(
            $"SELECT {CustomerNode.Columns} FROM sales.customers c WHERE c.business_id = @business AND c.external_id = @external_id");
        command.Parameters.AddWithValue("business", SalesIds.BusinessId(context));
        command.Parameters.AddWithValue("external_id", externalId);
        await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
        return await reader.ReadAsync(context.CancellationToken) ? CustomerNode.Read(reader) : null;
    }

    public static async Task<IReadOnlyList<StorefrontNode>> StorefrontsAsync(IResolverContext context)
    {
        await using var command = context.Service<NpgsqlDataSource>().CreateCommand(
            $"SELECT {StorefrontNode.Columns} FROM sales.storefronts s WHERE s.business_id = @business ORDER BY s.code");
        command.Parameters.AddWithValue("business", SalesIds.BusinessId(context));
        var storefronts = new List<StorefrontNode>();
        await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
        while (await reader.ReadAsync(context.CancellationToken))
        {
            storefronts.Add(StorefrontNode.Read(reader));
        }

        return storefronts;
    }
}
