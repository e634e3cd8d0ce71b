using Microsoft.EntityFrameworkCore;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Platform.GraphQL;
using RfmGraph.Sales.Data;

namespace RfmGraph.Sales.GraphQL;

/// <summary>
/// The queryables behind Sales' read fields. Each starts from a DbContext of its own (resolvers run concurrently)
/// whose query filters keep it inside the caller's business; the explicit business predicate repeats that so
/// the SQL shows it and the indexes on (business_id, ...) are used even if a filter is ever switched off.
/// </summary>
internal static class SalesReads
{
    public static SalesDbContext Db(IResolverContext context) => context.Service<RequestDbContexts<SalesDbContext>>().Create();

    public static IQueryable<Customer> Customers(IResolverContext context)
    {
        var businessId = SalesIds.BusinessId(context);
        return Db(context).Customers.AsNoTracking().Where(c => c.BusinessId == businessId);
    }

    public static IQueryable<Storefront> Storefronts(IResolverContext context)
    {
        var businessId = SalesIds.BusinessId(context);
        return Db(context).Storefronts.AsNoTracking().Where(s => s.BusinessId == businessId);
    }

    /// <summary>Node loader: customers by internal id; another business's ids are simply missing (node → null).</summary>
    public static async Task<IReadOnlyDictionary<long, Customer>> CustomersByIdAsync(IResolverContext context, IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        await Customers(context).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);

    public static async Task<IReadOnlyDictionary<long, Storefront>> StorefrontsByIdAsync(IResolverContext context, IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        await Storefronts(context).Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
}
