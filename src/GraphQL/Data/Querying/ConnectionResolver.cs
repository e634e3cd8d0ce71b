using RfmGraph.GraphQL.Data.Model;
using RfmGraph.GraphQL.Data.Paging;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Querying;

/// <summary>The resolver of a connection field: arguments → one keyset page query (+ a count only if selected).</summary>
internal sealed class ConnectionResolver<T>(
    DataTypeModel model,
    Func<IResolverContext, ValueTask<IQueryable<T>?>> query,
    DataFieldOptions options,
    Func<PagingOptions> paging)
{
    public async ValueTask<object?> ResolveAsync(IResolverContext context)
    {
        var arguments = new PagingArguments(
            context.Arguments.GetValueOrDefault("first") as int?,
            context.Arguments.GetValueOrDefault("after") as string,
            context.Arguments.GetValueOrDefault("last") as int?,
            context.Arguments.GetValueOrDefault("before") as string);
        var pageSize = arguments.PageSize(paging(), context.Field.Name);
        var filter = QueryArguments.Filter<T>(context, model, options);
        var sort = QueryArguments.Sort(context, model, options);
        var (nodeFields, totalCount) = LookAhead(context);
        var projection = options.Projection ? QueryArguments.Projection<T>(context, model, sort, nodeFields) : null;
        var source = await query(context).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }
        return await ConnectionQuery.ExecuteAsync(
            source, filter, sort, arguments, pageSize, projection, totalCount,
            QueryArguments.Executor(context), context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The fields selected on the nodes (under <c>edges.node</c> and <c>nodes</c>) and whether totalCount is
    /// selected. Unknown selections (unresolvable fragments) mean: no projection, count anyway.
    /// </summary>
    private (List<FieldNode>? NodeFields, bool TotalCount) LookAhead(IResolverContext context)
    {
        var schema = context.Schema;
        if (schema.GetType(ConnectionTypes.ConnectionName(model)) is not ObjectType connectionType
            || schema.GetType(ConnectionTypes.EdgeName(model)) is not ObjectType edgeType
            || schema.GetType(model.GraphQLName) is not ObjectType nodeType)
        {
            return (null, true);
        }
        var walker = QueryArguments.Walker(context);
        var connectionFields = walker.Collect(context.FieldNodes, connectionType);
        if (connectionFields is null)
        {
            return (null, true);
        }
        var totalCount = connectionFields.Any(f => f.Name.Value == "totalCount");
        var nodeFields = new List<FieldNode>();
        foreach (var field in connectionFields)
        {
            List<FieldNode>? collected = null;
            switch (field.Name.Value)
            {
                case "nodes":
                    collected = walker.Collect([field], nodeType);
                    break;
                case "edges":
                    var edgeFields = walker.Collect([field], edgeType);
                    collected = edgeFields is null ? null : walker.Collect(edgeFields.Where(f => f.Name.Value == "node"), nodeType);
                    break;
                default:
                    continue;
            }
            if (collected is null)
            {
                return (null, totalCount);
            }
            nodeFields.AddRange(collected);
        }
        return (nodeFields, totalCount);
    }
}
