using RfmGraph.GraphQL.Data.Model;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Querying;

/// <summary>The resolver of a filtered, sorted, projected list field (no paging).</summary>
internal sealed class ListResolver<T>(DataTypeModel model, Func<IResolverContext, IQueryable<T>> query, DataFieldOptions options)
{
    public async ValueTask<object?> ResolveAsync(IResolverContext context)
    {
        var source = query(context);
        if (QueryArguments.Filter<T>(context, model, options) is { } filter)
        {
            source = source.Where(filter);
        }
        var sort = QueryArguments.Sort(context, model, options);
        source = sort.Apply(source);
        if (options.Projection && context.Schema.GetType(model.GraphQLName) is ObjectType nodeType)
        {
            var fields = QueryArguments.Walker(context).Collect(context.FieldNodes, nodeType);
            if (QueryArguments.Projection<T>(context, model, sort, fields) is { } projection)
            {
                source = source.Select(projection);
            }
        }
        return await QueryArguments.Executor(context).ToListAsync(source, context.CancellationToken).ConfigureAwait(false);
    }
}
