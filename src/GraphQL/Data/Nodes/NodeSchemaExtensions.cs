using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using RfmGraph.GraphQL.Data.Nodes;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data;

/// <summary>
/// Relay global object identification: <c>interface Node { id: ID! }</c>, <c>Query.node(id: ID!): Node</c> and
/// <c>Query.nodes(ids: [ID!]!): [Node]!</c>. Each node type registers how to fetch rows by key; node and nodes
/// loads go through one DataLoader per type, so <c>nodes</c> with 50 ids of one type is one query.
/// </summary>
public static class NodeSchemaExtensions
{
    private static readonly ConditionalWeakTable<SchemaBuilder, NodeRegistry> Registries = [];

    /// <summary>Adds the Node interface and the node/nodes query fields (once; the Query type must exist at Build).</summary>
    public static SchemaBuilder AddGlobalObjectIdentification(this SchemaBuilder schema, NodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var registry = Registries.GetValue(schema, static _ => new NodeRegistry());
        registry.Options = options ?? registry.Options;
        if (registry.Added)
        {
            return schema;
        }
        registry.Added = true;
        schema.Interface("Node", i => i
            .Description("An object with a globally unique ID.")
            .Field("id", "ID!").Description("The object's global ID."));
        schema.ExtendObject<object>("Query", q => q
            .Field("node", "Node", f => f
                .Description("Fetches an object by its global ID.")
                .Argument("id", "ID!", "The global ID.")
                .ResolveAsync((_, context) => registry.LoadAsync(context, (string)context.Arguments["id"]!)))
            .Field("nodes", "[Node]!", f => f
                .Description($"Fetches objects by global IDs (at most {registry.Options.MaxIds}), in the order given.")
                .Argument("ids", "[ID!]!", "The global IDs.")
                .ResolveAsync(async (_, context) =>
                {
                    var ids = (IList)context.Arguments["ids"]!;
                    if (ids.Count > registry.Options.MaxIds)
                    {
                        throw new GraphQLException($"At most {registry.Options.MaxIds} ids can be requested at once; got {ids.Count}.", "TOO_MANY_IDS");
                    }
                    var loads = new List<Task<object?>>(ids.Count);
                    foreach (var id in ids)
                    {
                        loads.Add(registry.LoadAsync(context, (string)id!));
                    }
                    return await Task.WhenAll(loads).ConfigureAwait(false);
                })));
        return schema;
    }

    /// <summary>
    /// Makes the object type <paramref name="typeName"/> (values of <typeparamref name="T"/>) a Node: adds
    /// <c>id: ID!</c> (the global id built from <paramref name="keyOf"/>) and registers <paramref name="fetch"/>,
    /// which loads rows by key in one batch. The object type must not define <c>id</c> itself.
    /// </summary>
    public static SchemaBuilder AddNodeType<T, TKey>(
        this SchemaBuilder schema,
        string typeName,
        Func<T, TKey> keyOf,
        Func<IResolverContext, IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, T>>> fetch)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentNullException.ThrowIfNull(fetch);
        schema.AddGlobalObjectIdentification();
        var registry = Registries.GetValue(schema, static _ => new NodeRegistry());
        var converter = TypeDescriptor.GetConverter(typeof(TKey));
        registry.Register(typeName, async (context, rawKey) =>
        {
            TKey key;
            try
            {
                key = (TKey)converter.ConvertFromString(null, CultureInfo.InvariantCulture, rawKey)!;
            }
            catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException)
            {
                throw NodeRegistry.InvalidId(NodeId.Encode(typeName, rawKey));
            }
            var loader = context.BatchLoader<TKey, T>("node:" + typeName, (keys, token) => fetch(context, keys, token));
            return await loader.LoadAsync(key).ConfigureAwait(false);
        });
        schema.ExtendObject<T>(typeName, o => o
            .Implements("Node")
            .Field("id", "ID!", value => NodeId.Encode(typeName, keyOf(value)!), "The object's global ID."));
        return schema;
    }
}
