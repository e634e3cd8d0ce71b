namespace RfmGraph.GraphQL.Language;

/// <summary>A value literal or a variable reference.</summary>
public abstract class ValueNode : Node;

/// <summary>A variable reference: <c>$name</c>.</summary>
public sealed class VariableNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Variable;

    /// <summary>The variable name (without <c>$</c>).</summary>
    public required NameNode Name { get; init; }
}

/// <summary>An integer literal, kept as its source text (coercion decides the range).</summary>
public sealed class IntValueNode(string value) : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.IntValue;

    /// <summary>The literal text, e.g. <c>-12</c>.</summary>
    public string Value { get; } = value;
}

/// <summary>A float literal, kept as its source text.</summary>
public sealed class FloatValueNode(string value) : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.FloatValue;

    /// <summary>The literal text, e.g. <c>1.5e3</c>.</summary>
    public string Value { get; } = value;
}

/// <summary>A string literal; <see cref="Block"/> tells whether it was written as a block string.</summary>
public sealed class StringValueNode(string value, bool block = false) : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.StringValue;

    /// <summary>The string's value (escapes resolved, block indentation removed).</summary>
    public string Value { get; } = value;

    /// <summary>True for <c>"""block strings"""</c>.</summary>
    public bool Block { get; } = block;
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class BooleanValueNode(bool value) : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.BooleanValue;

    /// <summary>The value.</summary>
    public bool Value { get; } = value;
}

/// <summary><c>null</c>.</summary>
public sealed class NullValueNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.NullValue;
}

/// <summary>An enum literal (a name other than true, false, null).</summary>
public sealed class EnumValueNode(string value) : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.EnumValue;

    /// <summary>The enum value name.</summary>
    public string Value { get; } = value;
}

/// <summary>A list literal: <c>[a, b]</c>.</summary>
public sealed class ListValueNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ListValue;

    /// <summary>The items.</summary>
    public required IReadOnlyList<ValueNode> Values { get; init; }
}

/// <summary>An input object literal: <c>{ a: 1, b: 2 }</c>.</summary>
public sealed class ObjectValueNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ObjectValue;

    /// <summary>The fields in source order.</summary>
    public required IReadOnlyList<ObjectFieldNode> Fields { get; init; }
}

/// <summary>One field of an input object literal.</summary>
public sealed class ObjectFieldNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ObjectField;

    /// <summary>The field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The field value.</summary>
    public required ValueNode Value { get; init; }
}

/// <summary>A type reference: named, list or non-null.</summary>
public abstract class TypeNode : Node;

/// <summary>A named type reference: <c>Type</c>.</summary>
public sealed class NamedTypeNode : TypeNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.NamedType;

    /// <summary>The type name.</summary>
    public required NameNode Name { get; init; }
}

/// <summary>A list type reference: <c>[Type]</c>.</summary>
public sealed class ListTypeNode : TypeNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ListType;

    /// <summary>The item type.</summary>
    public required TypeNode Type { get; init; }
}

/// <summary>A non-null type reference: <c>Type!</c>.</summary>
public sealed class NonNullTypeNode : TypeNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.NonNullType;

    /// <summary>The wrapped (named or list) type.</summary>
    public required TypeNode Type { get; init; }
}
