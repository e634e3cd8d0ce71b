namespace RfmGraph.GraphQL.Language;

/// <summary>A schema, type or directive definition.</summary>
public abstract class TypeSystemDefinitionNode : DefinitionNode
{
    /// <summary>Directives applied to the definition (always empty for directive definitions).</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>A named type definition (scalar, object, interface, union, enum, input object).</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode
{
    /// <summary>The description, or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The type name.</summary>
    public required NameNode Name { get; init; }
}

/// <summary><c>schema @d { query: Q mutation: M }</c>.</summary>
public sealed class SchemaDefinitionNode : TypeSystemDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.SchemaDefinition;

    /// <summary>The description, or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The root operation types.</summary>
    public required IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; }
}

/// <summary><c>query: TypeName</c> inside a schema definition or extension.</summary>
public sealed class OperationTypeDefinitionNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.OperationTypeDefinition;

    /// <summary>The operation.</summary>
    public OperationType Operation { get; init; }

    /// <summary>The root type.</summary>
    public required NamedTypeNode Type { get; init; }
}

/// <summary><c>scalar Name @d</c>.</summary>
public sealed class ScalarTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ScalarTypeDefinition;
}

/// <summary><c>type Name implements I @d { fields }</c>.</summary>
public sealed class ObjectTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ObjectTypeDefinition;

    /// <summary>Implemented interfaces.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <summary>Field definitions.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

/// <summary><c>interface Name implements I @d { fields }</c>.</summary>
public sealed class InterfaceTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.InterfaceTypeDefinition;

    /// <summary>Implemented interfaces.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <summary>Field definitions.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

/// <summary><c>union Name @d = A | B</c>.</summary>
public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.UnionTypeDefinition;

    /// <summary>Member types.</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}

/// <summary><c>enum Name @d { VALUES }</c>.</summary>
public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.EnumTypeDefinition;

    /// <summary>Value definitions.</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}

/// <summary><c>input Name @d { fields }</c>.</summary>
public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.InputObjectTypeDefinition;

    /// <summary>Input field definitions.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}

/// <summary>A field definition: <c>"desc" name(args): Type @d</c>.</summary>
public sealed class FieldDefinitionNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.FieldDefinition;

    /// <summary>The description, or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>Argument definitions.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    /// <summary>The field type.</summary>
    public required TypeNode Type { get; init; }

    /// <summary>Directives applied to the field.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>An argument or input field definition: <c>"desc" name: Type = default @d</c>.</summary>
public sealed class InputValueDefinitionNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.InputValueDefinition;

    /// <summary>The description, or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The type.</summary>
    public required TypeNode Type { get; init; }

    /// <summary>The default value (a constant), or null.</summary>
    public ValueNode? DefaultValue { get; init; }

    /// <summary>Directives applied to the definition.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>An enum value definition: <c>"desc" NAME @d</c>.</summary>
public sealed class EnumValueDefinitionNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.EnumValueDefinition;

    /// <summary>The description, or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The value name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>Directives applied to the value.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary><c>directive @name(args) repeatable on LOCATION | LOCATION</c>.</summary>
public sealed class DirectiveDefinitionNode : TypeSystemDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.DirectiveDefinition;

    /// <summary>The description, or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The directive name (without <c>@</c>).</summary>
    public required NameNode Name { get; init; }

    /// <summary>Argument definitions.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    /// <summary>True when declared <c>repeatable</c>.</summary>
    public bool Repeatable { get; init; }

    /// <summary>The locations, as names (e.g. <c>FIELD</c>).</summary>
    public required IReadOnlyList<NameNode> Locations { get; init; }
}

/// <summary>A schema or type extension.</summary>
public abstract class TypeSystemExtensionNode : DefinitionNode
{
    /// <summary>Directives added by the extension.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary><c>extend schema @d { mutation: M }</c>.</summary>
public sealed class SchemaExtensionNode : TypeSystemExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.SchemaExtension;

    /// <summary>Root operation types added by the extension.</summary>
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}

/// <summary>A named type extension (<c>extend type|interface|union|enum|input|scalar Name ...</c>).</summary>
public abstract class TypeExtensionNode : TypeSystemExtensionNode
{
    /// <summary>The name of the extended type.</summary>
    public required NameNode Name { get; init; }
}

/// <summary><c>extend scalar Name @d</c>.</summary>
public sealed class ScalarTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ScalarTypeExtension;
}

/// <summary><c>extend type Name implements I @d { fields }</c>.</summary>
public sealed class ObjectTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ObjectTypeExtension;

    /// <summary>Interfaces added.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <summary>Fields added.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

/// <summary><c>extend interface Name implements I @d { fields }</c>.</summary>
public sealed class InterfaceTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.InterfaceTypeExtension;

    /// <summary>Interfaces added.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <summary>Fields added.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

/// <summary><c>extend union Name @d = C</c>.</summary>
public sealed class UnionTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.UnionTypeExtension;

    /// <summary>Member types added.</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}

/// <summary><c>extend enum Name @d { VALUES }</c>.</summary>
public sealed class EnumTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.EnumTypeExtension;

    /// <summary>Values added.</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}

/// <summary><c>extend input Name @d { fields }</c>.</summary>
public sealed class InputObjectTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.InputObjectTypeExtension;

    /// <summary>Input fields added.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
