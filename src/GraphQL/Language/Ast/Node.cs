namespace RfmGraph.GraphQL.Language;

/// <summary>The kind of an AST node; names follow graphql-js's <c>Kind</c>.</summary>
public enum NodeKind
{
    /// <summary>A name.</summary>
    Name,
    /// <summary>A whole document.</summary>
    Document,
    /// <summary>An operation definition.</summary>
    OperationDefinition,
    /// <summary>A variable definition.</summary>
    VariableDefinition,
    /// <summary>A selection set.</summary>
    SelectionSet,
    /// <summary>A field selection.</summary>
    Field,
    /// <summary>An argument.</summary>
    Argument,
    /// <summary>A fragment spread.</summary>
    FragmentSpread,
    /// <summary>An inline fragment.</summary>
    InlineFragment,
    /// <summary>A fragment definition.</summary>
    FragmentDefinition,
    /// <summary>A variable reference.</summary>
    Variable,
    /// <summary>An integer literal.</summary>
    IntValue,
    /// <summary>A float literal.</summary>
    FloatValue,
    /// <summary>A string literal (quoted or block).</summary>
    StringValue,
    /// <summary>A boolean literal.</summary>
    BooleanValue,
    /// <summary>The null literal.</summary>
    NullValue,
    /// <summary>An enum literal.</summary>
    EnumValue,
    /// <summary>A list literal.</summary>
    ListValue,
    /// <summary>An input object literal.</summary>
    ObjectValue,
    /// <summary>A field of an input object literal.</summary>
    ObjectField,
    /// <summary>A directive application.</summary>
    Directive,
    /// <summary>A named type reference.</summary>
    NamedType,
    /// <summary>A list type reference.</summary>
    ListType,
    /// <summary>A non-null type reference.</summary>
    NonNullType,
    /// <summary>A schema definition.</summary>
    SchemaDefinition,
    /// <summary>A root operation type in a schema definition.</summary>
    OperationTypeDefinition,
    /// <summary>A scalar definition.</summary>
    ScalarTypeDefinition,
    /// <summary>An object type definition.</summary>
    ObjectTypeDefinition,
    /// <summary>A field definition.</summary>
    FieldDefinition,
    /// <summary>An argument or input field definition.</summary>
    InputValueDefinition,
    /// <summary>An interface definition.</summary>
    InterfaceTypeDefinition,
    /// <summary>A union definition.</summary>
    UnionTypeDefinition,
    /// <summary>An enum definition.</summary>
    EnumTypeDefinition,
    /// <summary>An enum value definition.</summary>
    EnumValueDefinition,
    /// <summary>An input object definition.</summary>
    InputObjectTypeDefinition,
    /// <summary>A directive definition.</summary>
    DirectiveDefinition,
    /// <summary>A schema extension.</summary>
    SchemaExtension,
    /// <summary>A scalar extension.</summary>
    ScalarTypeExtension,
    /// <summary>An object type extension.</summary>
    ObjectTypeExtension,
    /// <summary>An interface extension.</summary>
    InterfaceTypeExtension,
    /// <summary>A union extension.</summary>
    UnionTypeExtension,
    /// <summary>An enum extension.</summary>
    EnumTypeExtension,
    /// <summary>An input object extension.</summary>
    InputObjectTypeExtension,
}

/// <summary>The operation an operation definition performs.</summary>
public enum OperationType
{
    /// <summary>A read-only query.</summary>
    Query,
    /// <summary>A mutation (executed serially).</summary>
    Mutation,
    /// <summary>A subscription (a source stream mapped to responses).</summary>
    Subscription,
}

/// <summary>
/// Base of every AST node. Nodes are immutable once built: the parser creates them, the validator and
/// executor only read them, so parsed documents can be cached and shared between requests.
/// </summary>
public abstract class Node
{
    /// <summary>The node's kind (handy for switch statements and for visitors).</summary>
    public abstract NodeKind Kind { get; }

    /// <summary>Where the node sits in its source; default when built in code.</summary>
    public Location Location { get; init; }

    /// <summary>Prints the node in graphql-js <c>print()</c> format.</summary>
    public override string ToString() => Printer.Print(this);
}

/// <summary>A name (of a field, type, argument, variable, ...).</summary>
public sealed class NameNode : Node
{
    /// <summary>Creates a name node.</summary>
    public NameNode(string value) => Value = value;

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Name;

    /// <summary>The name text.</summary>
    public string Value { get; }
}

/// <summary>A parsed document: executable definitions and/or type-system definitions and extensions.</summary>
public sealed class DocumentNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Document;

    /// <summary>The document's definitions, in source order.</summary>
    public required IReadOnlyList<DefinitionNode> Definitions { get; init; }
}

/// <summary>Base of every top-level definition.</summary>
public abstract class DefinitionNode : Node;

/// <summary>An operation or fragment definition.</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode
{
    /// <summary>Directives applied to the definition.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The selection set.</summary>
    public required SelectionSetNode SelectionSet { get; init; }
}
