using RfmGraph.GraphQL.Data.Filtering;
using RfmGraph.GraphQL.Data.Paging;
using RfmGraph.GraphQL.Data.Querying;
using RfmGraph.GraphQL.Data.Sorting;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data;

/// <summary>
/// Adds data fields to an object type: a resolver returns an <see cref="IQueryable{T}"/> and the conventions add
/// <c>where</c>, <c>order</c>, Relay paging and projections, all composed into that queryable.
/// </summary>
public static class DataFieldExtensions
{
    /// <summary>
    /// Adds a Relay connection field <c>name(where, order, first, after, last, before): &lt;Type&gt;Connection!</c>
    /// with keyset pagination over <paramref name="query"/>.
    /// </summary>
    public static ObjectTypeBuilder<TSource> Connection<TSource, TEntity>(
        this ObjectTypeBuilder<TSource> type,
        string name,
        Func<IResolverContext, IQueryable<TEntity>> query,
        Action<DataFieldOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return AddConnection(type, name, context => ValueTask.FromResult<IQueryable<TEntity>?>(query(context)), nullable: false, configure);
    }

    /// <summary>
    /// Adds a nullable Relay connection field <c>name(where, order, first, after, last, before): &lt;Type&gt;Connection</c>
    /// whose source is found asynchronously (e.g. after checking an argument against the database); when
    /// <paramref name="query"/> returns null the field is null and no page query runs.
    /// </summary>
    public static ObjectTypeBuilder<TSource> OptionalConnection<TSource, TEntity>(
        this ObjectTypeBuilder<TSource> type,
        string name,
        Func<IResolverContext, ValueTask<IQueryable<TEntity>?>> query,
        Action<DataFieldOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return AddConnection(type, name, query, nullable: true, configure);
    }

    private static ObjectTypeBuilder<TSource> AddConnection<TSource, TEntity>(
        ObjectTypeBuilder<TSource> type,
        string name,
        Func<IResolverContext, ValueTask<IQueryable<TEntity>?>> query,
        bool nullable,
        Action<DataFieldOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(type);
        var conventions = DataConventions.For(type.Schema);
        var model = conventions.Models.Get(typeof(TEntity));
        if (model.Key.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name} has no Id property; declare its unique key with AddDataType<{typeof(TEntity).Name}>(d => d.Key(...)) so paging is stable.");
        }
        var options = new DataFieldOptions();
        configure?.Invoke(options);
        CheckDefaultOrder(model, options, name);
        var connection = ConnectionTypes.Ensure<TEntity>(conventions, model);
        var field = type.Field(name, nullable ? connection : connection + "!");
        AddArguments(field, conventions, model, options);
        field.Argument("first", "Int", "Returns the first n rows (after the `after` cursor).")
            .Argument("after", "String", "Returns rows after this cursor.")
            .Argument("last", "Int", "Returns the last n rows (before the `before` cursor).")
            .Argument("before", "String", "Returns rows before this cursor.");
        var resolver = new ConnectionResolver<TEntity>(model, query, options, () => options.Paging ?? conventions.Paging);
        field.Resolver(resolver.ResolveAsync);
        return type;
    }

    /// <summary>Adds a list field <c>name(where, order): [Type!]!</c> over <paramref name="query"/> (no paging).</summary>
    public static ObjectTypeBuilder<TSource> QueryList<TSource, TEntity>(
        this ObjectTypeBuilder<TSource> type,
        string name,
        Func<IResolverContext, IQueryable<TEntity>> query,
        Action<DataFieldOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(query);
        var conventions = DataConventions.For(type.Schema);
        var model = conventions.Models.Get(typeof(TEntity));
        var options = new DataFieldOptions();
        configure?.Invoke(options);
        CheckDefaultOrder(model, options, name);
        var field = type.Field(name, $"[{model.GraphQLName}!]!");
        AddArguments(field, conventions, model, options);
        var resolver = new ListResolver<TEntity>(model, query, options);
        field.Resolver(resolver.ResolveAsync);
        return type;
    }

    /// <summary>Tells projections that this field reads <paramref name="member"/> of the parent entity (its name differs).</summary>
    public static FieldBuilder<TSource> MapsTo<TSource>(this FieldBuilder<TSource> field, string member)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Metadata(DataFieldMetadata.Member, member);
    }

    /// <summary>Tells projections that this computed field needs these members of the parent entity loaded.</summary>
    public static FieldBuilder<TSource> Requires<TSource>(this FieldBuilder<TSource> field, params string[] members)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Metadata(DataFieldMetadata.Requires, members);
    }

    /// <summary>A misspelt default sort would otherwise only fail when a client omits <c>order</c>.</summary>
    private static void CheckDefaultOrder(Model.DataTypeModel model, DataFieldOptions options, string field)
    {
        foreach (var (name, _) in options.DefaultOrder)
        {
            if (model.Find(name) is not { Kind: not Model.DataFieldKind.Object })
            {
                throw new InvalidOperationException($"The default order of '{field}' names '{name}', which is not a sortable field of {model.GraphQLName}.");
            }
        }
    }

    private static void AddArguments<TSource>(FieldBuilder<TSource> field, DataConventions conventions, Model.DataTypeModel model, DataFieldOptions options)
    {
        if (options.Description is not null)
        {
            field.Description(options.Description);
        }
        foreach (var (name, type, description) in options.Arguments)
        {
            field.Argument(name, type, description);
        }
        if (options.Filtering)
        {
            field.Argument(QueryArguments.Where, FilterInputTypes.Ensure(conventions, model), "Only rows matching these conditions.");
        }
        if (options.Sorting)
        {
            field.Argument(QueryArguments.Order, $"[{SortInputTypes.Ensure(conventions, model)}!]", "Sort keys, most significant first.");
        }
    }
}
