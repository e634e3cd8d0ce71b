using Microsoft.Extensions.DependencyInjection;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Execution;

/// <summary>The <see cref="IResolverContext"/> the executor hands to resolvers (one per field execution).</summary>
internal sealed class ResolverContext(
    ExecutionContext execution,
    ObjectType parentType,
    object? source,
    FieldPlanEntry entry,
    IReadOnlyDictionary<string, object?> arguments,
    ResponsePath path) : IResolverContext
{
    private IReadOnlyList<object>? _path;

    public object? Source { get; } = source;

    public FieldDefinition Field => entry.Definition!;

    public ObjectType ParentType { get; } = parentType;

    public IReadOnlyList<FieldNode> FieldNodes => entry.Nodes;

    public IReadOnlyDictionary<string, object?> Arguments { get; } = arguments;

    public RequestContext Request => execution.Request;

    public IServiceProvider Services => execution.Request.Services;

    public CancellationToken CancellationToken => execution.CancellationToken;

    public Schema Schema => execution.Schema;

    public OperationDefinitionNode Operation => execution.Operation;

    public IReadOnlyDictionary<string, object?> Variables => execution.Variables;

    public IReadOnlyList<object> Path => _path ??= path.ToList();

    public T Argument<T>(string name) =>
        Arguments.TryGetValue(name, out var value)
            ? ArgumentConverter.Convert<T>(value)
            : throw new GraphQLException($"Argument \"{name}\" was not provided to {ParentType.Name}.{Field.Name}.");

    public T ArgumentOrDefault<T>(string name, T defaultValue) =>
        Arguments.TryGetValue(name, out var value) ? ArgumentConverter.Convert<T>(value) : defaultValue;

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => execution.Fragments;

    public IReadOnlyList<SelectedField> SelectedFields(ObjectType? forType = null)
    {
        var type = forType ?? Field.Type.NamedType as ObjectType
            ?? throw new InvalidOperationException($"{ParentType.Name}.{Field.Name} returns an abstract type; pass the object type to inspect.");
        return Collect(entry.Nodes, type);
    }

    public IReadOnlyList<SelectedField> SelectedFields(SelectedField parent, ObjectType forType)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(forType);
        return Collect(parent.Nodes, forType);
    }

    private List<SelectedField> Collect(IReadOnlyList<FieldNode> nodes, ObjectType type)
    {
        var sets = new List<SelectionSetNode>(nodes.Count);
        foreach (var node in nodes)
        {
            if (node.SelectionSet is not null)
            {
                sets.Add(node.SelectionSet);
            }
        }
        var plan = FieldCollector.Plan(execution, type, sets);
        var fields = new List<SelectedField>(plan.Entries.Length);
        foreach (var planned in plan.Entries)
        {
            if (planned.Definition is not null)
            {
                fields.Add(new SelectedField(planned.ResponseKey, planned.Definition, planned.Nodes));
            }
        }
        return fields;
    }

    public void ReportError(GraphQLError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        execution.AddError(error.Path is null ? error.WithPath(Path) : error);
    }
}
