namespace RfmGraph.GraphQL.Language;

/// <summary>An operation: <c>query Name($v: T) @d { ... }</c> or the shorthand <c>{ ... }</c>.</summary>
public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.OperationDefinition;

    /// <summary>Query, mutation or subscription.</summary>
    public OperationType Operation { get; init; }

    /// <summary>The operation's name; null when anonymous.</summary>
    public NameNode? Name { get; init; }

    /// <summary>The operation's variable definitions.</summary>
    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];
}

/// <summary>A fragment definition: <c>fragment Name on Type @d { ... }</c>.</summary>
public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.FragmentDefinition;

    /// <summary>The fragment's name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The type condition after <c>on</c>.</summary>
    public required NamedTypeNode TypeCondition { get; init; }
}

/// <summary>A variable definition: <c>$name: Type = default @d</c>.</summary>
public sealed class VariableDefinitionNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.VariableDefinition;

    /// <summary>The variable.</summary>
    public required VariableNode Variable { get; init; }

    /// <summary>The declared type.</summary>
    public required TypeNode Type { get; init; }

    /// <summary>The default value (a constant), or null.</summary>
    public ValueNode? DefaultValue { get; init; }

    /// <summary>Directives on the definition.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>A selection set: <c>{ field ...Fragment ... on T { } }</c>.</summary>
public sealed class SelectionSetNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.SelectionSet;

    /// <summary>The selections in source order.</summary>
    public required IReadOnlyList<SelectionNode> Selections { get; init; }
}

/// <summary>A field, fragment spread or inline fragment.</summary>
public abstract class SelectionNode : Node
{
    /// <summary>Directives applied to the selection.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>A field selection: <c>alias: name(args) @d { ... }</c>.</summary>
public sealed class FieldNode : SelectionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Field;

    /// <summary>The alias, or null.</summary>
    public NameNode? Alias { get; init; }

    /// <summary>The field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The arguments.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    /// <summary>The sub-selection, or null for a leaf.</summary>
    public SelectionSetNode? SelectionSet { get; init; }

    /// <summary>The key of this field in the response: the alias if present, else the name.</summary>
    public string ResponseKey => Alias?.Value ?? Name.Value;
}

/// <summary>An argument: <c>name: value</c>.</summary>
public sealed class ArgumentNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Argument;

    /// <summary>The argument name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The argument value.</summary>
    public required ValueNode Value { get; init; }
}

/// <summary>A fragment spread: <c>...Name @d</c>.</summary>
public sealed class FragmentSpreadNode : SelectionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.FragmentSpread;

    /// <summary>The fragment's name.</summary>
    public required NameNode Name { get; init; }
}

/// <summary>An inline fragment: <c>... on Type @d { ... }</c> (type condition optional).</summary>
public sealed class InlineFragmentNode : SelectionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.InlineFragment;

    /// <summary>The type condition, or null.</summary>
    public NamedTypeNode? TypeCondition { get; init; }

    /// <summary>The selection set.</summary>
    public required SelectionSetNode SelectionSet { get; init; }
}

/// <summary>A directive application: <c>@name(args)</c>.</summary>
public sealed class DirectiveNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Directive;

    /// <summary>The directive name (without <c>@</c>).</summary>
    public required NameNode Name { get; init; }

    /// <summary>The arguments.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}
