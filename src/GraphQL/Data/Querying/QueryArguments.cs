using System.Collections;
using RfmGraph.GraphQL.Data.Filtering;
using RfmGraph.GraphQL.Data.Model;
using RfmGraph.GraphQL.Data.Projections;
using RfmGraph.GraphQL.Data.Sorting;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Querying;

/// <summary>Reads the data-convention arguments of a resolver context and plans the query parts.</summary>
internal static class QueryArguments
{
    public const string Where = "where";
    public const string Order = "order";

    public static System.Linq.Expressions.Expression<Func<T, bool>>? Filter<T>(IResolverContext context, DataTypeModel model, DataFieldOptions options) =>
        options.Filtering && context.Arguments.TryGetValue(Where, out var where) && where is IReadOnlyDictionary<string, object?> filter
            ? FilterCompiler.Compile<T>(model, filter)
            : null;

    public static SortSpec Sort(IResolverContext context, DataTypeModel model, DataFieldOptions options)
    {
        var order = options.Sorting ? context.Arguments.GetValueOrDefault(Order) as IList : null;
        if (order is null && options.DefaultOrder.Count > 0)
        {
            // The same shape the coerced argument has, so defaults go through the same compiler and checks.
            order = options.DefaultOrder
                .Select(o => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { [o.Field] = o.Direction })
                .ToList();
        }
        return SortCompiler.Compile(model, order);
    }

    public static IAsyncQueryExecutor Executor(IResolverContext context) =>
        context.Services.GetService(typeof(IAsyncQueryExecutor)) as IAsyncQueryExecutor ?? AsyncQueryExecutor.Default;

    public static SelectionWalker Walker(IResolverContext context) =>
        new(context.Variables, DataFragments.Lookup(context));

    /// <summary>The projection for rows whose selected fields are <paramref name="fields"/>; null reads whole rows.</summary>
    public static System.Linq.Expressions.Expression<Func<T, T>>? Projection<T>(IResolverContext context, DataTypeModel model, SortSpec sort, IEnumerable<FieldNode>? fields)
    {
        if (fields is null || context.Schema.GetType(model.GraphQLName) is not ObjectType entityType)
        {
            return null;
        }
        var tree = new MemberTree();
        if (!ProjectionPlanner.Add(tree, typeof(T), entityType, fields, Walker(context)))
        {
            return null;
        }
        // Cursor values and the key (used by DataLoader-backed child fields) are always read.
        foreach (var key in model.Key)
        {
            tree.Add(key, nested: false);
        }
        foreach (var key in sort.Keys)
        {
            tree.AddPath(key.Path);
        }
        return ProjectionBuilder.Build<T>(tree, p => DataModelRegistry.IsNullableProperty(p));
    }
}
