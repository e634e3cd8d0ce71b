using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation;

/// <summary>A use of a variable, with the input type expected where it is used (graphql-js VariableUsage).</summary>
/// <param name="Node">The variable reference.</param>
/// <param name="Type">The input type expected at that position, or null when unknown.</param>
/// <param name="HasLocationDefault">True when the argument or input field it fills has a default value.</param>
/// <param name="ParentType">The input type of the enclosing value (an input object for object fields), or null.</param>
public readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, bool HasLocationDefault, GraphQLType? ParentType);

/// <summary>
/// What rules see during one validation run: the schema (null when validating SDL without a schema), the
/// document, the current type information, the path of ancestors, error reporting with the cap, and cached
/// document facts (fragments by name, fragment spreads per selection set, variable usages per operation).
/// </summary>
public sealed class ValidationContext
{
    private readonly List<GraphQLError> _errors;
    private readonly int _maxErrors;
    private readonly TypeInfo? _typeInfo;
    // Shared by runs over documents without fragments; never written to.
    private static readonly Dictionary<string, FragmentDefinitionNode> NoFragments = new(StringComparer.Ordinal);
    private readonly List<Node> _ancestors = [];
    private Dictionary<string, FragmentDefinitionNode>? _fragments;
    private Dictionary<SelectionSetNode, List<FragmentSpreadNode>>? _fragmentSpreads;
    private Dictionary<OperationDefinitionNode, List<FragmentDefinitionNode>>? _recursiveFragments;
    private Dictionary<ExecutableDefinitionNode, List<VariableUsage>>? _variableUsages;
    private Dictionary<OperationDefinitionNode, List<VariableUsage>>? _recursiveVariableUsages;
    private Rules.DirectiveCatalog? _directiveCatalog;

    internal ValidationContext(Schema? schema, DocumentNode document, bool sdl, List<GraphQLError> errors, int maxErrors)
    {
        Schema = schema;
        Document = document;
        IsSdl = sdl;
        _errors = errors;
        _maxErrors = maxErrors;
        if (!sdl && schema is not null)
        {
            _typeInfo = new TypeInfo(schema);
        }
    }

    /// <summary>The schema; for executable documents always set, for SDL the schema being extended (or null).</summary>
    public Schema? Schema { get; }

    /// <summary>The document being validated.</summary>
    public DocumentNode Document { get; }

    /// <summary>True when validating a type-system (SDL) document.</summary>
    public bool IsSdl { get; }

    /// <summary>The directives in force: the schema's, or the built-ins when there is no schema.</summary>
    public IReadOnlyList<DirectiveDefinition> KnownDirectives => Schema?.Directives ?? BuiltInDirectives.All;

    /// <summary>The nodes from the document down to the parent of the node being visited.</summary>
    public IReadOnlyList<Node> Ancestors => _ancestors;

    /// <summary>The output type of the current field, fragment or operation.</summary>
    public GraphQLType? Type => _typeInfo?.Type;

    /// <summary>The composite type the current selection set selects from.</summary>
    public NamedType? ParentType => _typeInfo?.ParentType;

    /// <summary>The input type expected for the current value.</summary>
    public GraphQLType? InputType => _typeInfo?.InputType;

    /// <summary>The input type of the value enclosing the current one.</summary>
    public GraphQLType? ParentInputType => _typeInfo?.ParentInputType;

    /// <summary>The definition of the current field.</summary>
    public FieldDefinition? FieldDefinition => _typeInfo?.FieldDefinition;

    /// <summary>The definition of the current directive.</summary>
    public DirectiveDefinition? Directive => _typeInfo?.Directive;

    /// <summary>The definition of the current argument.</summary>
    public InputValueDefinition? Argument => _typeInfo?.Argument;

    /// <summary>The definition of the current enum value.</summary>
    public EnumValueDefinition? EnumValue => _typeInfo?.EnumValue;

    internal TypeInfo? TypeInfo => _typeInfo;

    /// <summary>The directives by name as the directive rules see them (shared by those rules within a run).</summary>
    internal Rules.DirectiveCatalog DirectiveCatalog => _directiveCatalog ??= Rules.DirectiveCatalog.For(this);

    internal List<Node> AncestorStack => _ancestors;

    /// <summary>Records an error; when the cap is reached, adds the graphql-js "too many errors" error and stops the run.</summary>
    public void ReportError(GraphQLError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (_errors.Count >= _maxErrors)
        {
            _errors.Add(new GraphQLError("Too many validation errors, error limit reached. Validation aborted."));
            throw new ValidationAbortedException();
        }
        _errors.Add(error);
    }

    /// <summary>Records an error for the given nodes.</summary>
    public void ReportError(string message, params Node[] nodes) => ReportError(new GraphQLError(message, nodes));

    /// <summary>The fragment definition with that name (the last, when several share it, as in graphql-js), or null.</summary>
    public FragmentDefinitionNode? GetFragment(string name) => Fragments.GetValueOrDefault(name);

    /// <summary>True when the document defines at least one fragment.</summary>
    public bool HasFragments => Fragments.Count > 0;

    private Dictionary<string, FragmentDefinitionNode> Fragments
    {
        get
        {
            if (_fragments is null)
            {
                var definitions = Document.Definitions;
                for (var i = 0; i < definitions.Count; i++)
                {
                    if (definitions[i] is FragmentDefinitionNode fragment)
                    {
                        _fragments ??= new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
                        _fragments[fragment.Name.Value] = fragment;
                    }
                }
                _fragments ??= NoFragments;
            }
            return _fragments;
        }
    }

    /// <summary>The fragment spreads anywhere below a selection set (not following them), in graphql-js order.</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        ArgumentNullException.ThrowIfNull(selectionSet);
        _fragmentSpreads ??= [];
        if (_fragmentSpreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }
        var spreads = new List<FragmentSpreadNode>();
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(selectionSet);
        while (setsToVisit.Count > 0)
        {
            var set = setsToVisit.Pop();
            var selections = set.Selections;
            for (var i = 0; i < selections.Count; i++)
            {
                switch (selections[i])
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        setsToVisit.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }
        _fragmentSpreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation uses, directly or through other fragments (each once).</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!HasFragments)
        {
            return [];
        }
        _recursiveFragments ??= [];
        if (_recursiveFragments.TryGetValue(operation, out var cached))
        {
            return cached;
        }
        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var nodesToVisit = new Stack<SelectionSetNode>();
        nodesToVisit.Push(operation.SelectionSet);
        while (nodesToVisit.Count > 0)
        {
            var spreads = GetFragmentSpreads(nodesToVisit.Pop());
            for (var i = 0; i < spreads.Count; i++)
            {
                var name = spreads[i].Name.Value;
                if (collected.Add(name) && GetFragment(name) is { } fragment)
                {
                    fragments.Add(fragment);
                    nodesToVisit.Push(fragment.SelectionSet);
                }
            }
        }
        _recursiveFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables used directly in an operation or fragment, with their expected types.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Schema is null || !MayContainVariables(definition))
        {
            return [];
        }
        _variableUsages ??= [];
        if (_variableUsages.TryGetValue(definition, out var cached))
        {
            return cached;
        }
        var usages = new List<VariableUsage>();
        new VariableUsageCollector(new TypeInfo(Schema), usages).Collect(definition);
        _variableUsages[definition] = usages;
        return usages;
    }

    // Every variable reference starts with '$': a definition whose source text has none uses no variables, and the
    // second walk that finds usages is skipped (the common case for queries without variables).
    private static bool MayContainVariables(ExecutableDefinitionNode definition)
    {
        var location = definition.Location;
        if (location.Source is not { } source || location.End <= location.Start || location.End > source.Body.Length)
        {
            return true;
        }
        return source.Body.AsSpan(location.Start, location.End - location.Start).Contains('$');
    }

    /// <summary>The variables an operation uses, including through the fragments it references.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!HasFragments)
        {
            return GetVariableUsages(operation);
        }
        _recursiveVariableUsages ??= [];
        if (_recursiveVariableUsages.TryGetValue(operation, out var cached))
        {
            return cached;
        }
        var usages = new List<VariableUsage>(GetVariableUsages(operation));
        var fragments = GetRecursivelyReferencedFragments(operation);
        for (var i = 0; i < fragments.Count; i++)
        {
            usages.AddRange(GetVariableUsages(fragments[i]));
        }
        _recursiveVariableUsages[operation] = usages;
        return usages;
    }
}

/// <summary>Thrown inside a run when the error cap is reached; caught by <see cref="DocumentValidator"/>.</summary>
internal sealed class ValidationAbortedException : Exception
{
    public ValidationAbortedException()
        : base("Validation aborted.")
    {
    }

    public ValidationAbortedException(string message)
        : base(message)
    {
    }

    public ValidationAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
