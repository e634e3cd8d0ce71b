using RfmGraph.GraphQL.Execution;

namespace RfmGraph.GraphQL.Types;

/// <summary>Resolves the concrete object type of a value of an abstract type; may return null for "unknown".</summary>
public delegate ObjectType? ResolveTypeDelegate(object value, IResolverContext context);

/// <summary>An object or interface type: a type with fields that may implement interfaces.</summary>
public abstract class FieldsType : NamedType
{
    private readonly List<FieldDefinition> _fields = [];
    private readonly Dictionary<string, FieldDefinition> _byName = new(StringComparer.Ordinal);

    /// <summary>Creates the type.</summary>
    protected FieldsType(string name)
        : base(name)
    {
    }

    /// <summary>The fields, in declaration order.</summary>
    public IReadOnlyList<FieldDefinition> Fields => _fields;

    /// <summary>The interfaces this type implements, in declaration order.</summary>
    public IList<InterfaceType> Interfaces { get; } = [];

    /// <summary>Looks up a field by name (null if absent).</summary>
    public FieldDefinition? GetField(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Adds a field; a field of the same name is replaced in place.</summary>
    public FieldDefinition AddField(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (_byName.TryGetValue(field.Name, out var existing))
        {
            _fields[_fields.IndexOf(existing)] = field;
        }
        else
        {
            _fields.Add(field);
        }
        _byName[field.Name] = field;
        return field;
    }

    /// <summary>True when this type lists <paramref name="iface"/> among its interfaces.</summary>
    public bool Implements(InterfaceType iface) => Interfaces.Contains(iface);
}

/// <summary>An object type.</summary>
public sealed class ObjectType(string name) : FieldsType(name)
{
    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Object;

    /// <summary>Decides whether a value belongs to this type (used when an abstract type has no ResolveType).</summary>
    public Func<object, IResolverContext, bool>? IsTypeOf { get; set; }

    /// <summary>The CLR type whose instances are values of this type, when known (enables automatic type resolution).</summary>
    public Type? ClrType { get; set; }
}

/// <summary>An interface type.</summary>
public sealed class InterfaceType(string name) : FieldsType(name)
{
    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Interface;

    /// <summary>Resolves the concrete type of a value; null means: try each possible type's IsTypeOf / CLR type.</summary>
    public ResolveTypeDelegate? ResolveType { get; set; }
}

/// <summary>A union type.</summary>
public sealed class UnionType(string name) : NamedType(name)
{
    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Union;

    /// <summary>The member types, in declaration order.</summary>
    public IList<ObjectType> Types { get; } = [];

    /// <summary>Resolves the concrete type of a value; null means: try each member's IsTypeOf / CLR type.</summary>
    public ResolveTypeDelegate? ResolveType { get; set; }
}

/// <summary>An input object type; <see cref="IsOneOf"/> marks a <c>@oneOf</c> input.</summary>
public sealed class InputObjectType(string name) : NamedType(name)
{
    private readonly List<InputValueDefinition> _fields = [];
    private readonly Dictionary<string, InputValueDefinition> _byName = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.InputObject;

    /// <summary>The input fields, in declaration order.</summary>
    public IReadOnlyList<InputValueDefinition> Fields => _fields;

    /// <summary>True for <c>@oneOf</c> input objects: exactly one field must be given, and not null.</summary>
    public bool IsOneOf { get; set; }

    /// <summary>The CLR type arguments of this type convert to with <c>Argument&lt;T&gt;</c>, when registered typed.</summary>
    public Type? ClrType { get; set; }

    /// <summary>Looks up a field by name.</summary>
    public InputValueDefinition? GetField(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Adds a field; a field of the same name is replaced in place.</summary>
    public InputValueDefinition AddField(InputValueDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (_byName.TryGetValue(field.Name, out var existing))
        {
            _fields[_fields.IndexOf(existing)] = field;
        }
        else
        {
            _fields.Add(field);
        }
        _byName[field.Name] = field;
        return field;
    }
}
