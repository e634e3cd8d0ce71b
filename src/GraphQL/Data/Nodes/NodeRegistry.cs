using RfmGraph.GraphQL.Execution;

namespace RfmGraph.GraphQL.Data.Nodes;

/// <summary>The node types of one schema: how to load a row of each from the key inside its global id.</summary>
internal sealed class NodeRegistry
{
    private readonly Dictionary<string, Func<IResolverContext, string, Task<object?>>> _loaders = new(StringComparer.Ordinal);

    public NodeOptions Options { get; set; } = new();

    public bool Added { get; set; }

    public void Register(string typeName, Func<IResolverContext, string, Task<object?>> load) => _loaders[typeName] = load;

    public Task<object?> LoadAsync(IResolverContext context, string id)
    {
        if (!NodeId.TryDecode(id, out var typeName, out var key) || !_loaders.TryGetValue(typeName, out var load))
        {
            throw InvalidId(id);
        }
        return load(context, key);
    }

    public static GraphQLException InvalidId(string id) => new($"The ID '{id}' is not a valid node ID.", "INVALID_NODE_ID");
}
