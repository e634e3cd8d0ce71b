using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Types;

/// <summary>The kind of a type, as introspection reports it (<c>__TypeKind</c>).</summary>
public enum TypeKind
{
    /// <summary>SCALAR</summary>
    Scalar,
    /// <summary>OBJECT</summary>
    Object,
    /// <summary>INTERFACE</summary>
    Interface,
    /// <summary>UNION</summary>
    Union,
    /// <summary>ENUM</summary>
    Enum,
    /// <summary>INPUT_OBJECT</summary>
    InputObject,
    /// <summary>LIST</summary>
    List,
    /// <summary>NON_NULL</summary>
    NonNull,
}

/// <summary>
/// Any GraphQL type: a named type or a list / non-null wrapper. <see cref="ToString"/> prints the type
/// reference as in SDL (<c>[Int!]!</c>).
/// </summary>
public abstract class GraphQLType
{
    /// <summary>The type's kind.</summary>
    public abstract TypeKind Kind { get; }

    /// <summary>True for scalars, enums and input objects (and wrappers of them).</summary>
    public bool IsInputType => NamedType is ScalarType or EnumType or InputObjectType;

    /// <summary>True for scalars, objects, interfaces, unions and enums (and wrappers of them).</summary>
    public bool IsOutputType => NamedType is ScalarType or ObjectType or InterfaceType or UnionType or EnumType;

    /// <summary>True for scalars and enums.</summary>
    public bool IsLeafType => this is ScalarType or EnumType;

    /// <summary>True for objects, interfaces and unions.</summary>
    public bool IsCompositeType => this is ObjectType or InterfaceType or UnionType;

    /// <summary>True for interfaces and unions.</summary>
    public bool IsAbstractType => this is InterfaceType or UnionType;

    /// <summary>The named type at the bottom of any wrappers.</summary>
    public NamedType NamedType
    {
        get
        {
            var type = this;
            while (true)
            {
                switch (type)
                {
                    case NamedType named:
                        return named;
                    case ListType list:
                        type = list.OfType;
                        break;
                    case NonNullType nonNull:
                        type = nonNull.OfType;
                        break;
                    default:
                        throw new InvalidOperationException("Unknown type wrapper.");
                }
            }
        }
    }

    /// <summary>The type without its outer non-null wrapper.</summary>
    public GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    /// <summary>Whether two type references are the same (same named types, same wrappers).</summary>
    public static bool IsEqualType(GraphQLType a, GraphQLType b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (a, b) switch
        {
            (NonNullType x, NonNullType y) => IsEqualType(x.OfType, y.OfType),
            (ListType x, ListType y) => IsEqualType(x.OfType, y.OfType),
            (NamedType x, NamedType y) => ReferenceEquals(x, y),
            _ => false,
        };
    }

    /// <summary>Prints the type reference.</summary>
    public abstract override string ToString();
}

/// <summary>A list type: <c>[OfType]</c>.</summary>
public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    /// <summary>The item type.</summary>
    public GraphQLType OfType { get; } = ofType ?? throw new ArgumentNullException(nameof(ofType));

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.List;

    /// <inheritdoc />
    public override string ToString() => "[" + OfType + "]";
}

/// <summary>A non-null type: <c>OfType!</c>. Wrapping a non-null type again is not allowed.</summary>
public sealed class NonNullType : GraphQLType
{
    /// <summary>Wraps a nullable type.</summary>
    public NonNullType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        if (ofType is NonNullType)
        {
            throw new ArgumentException($"Expected a nullable type for non-null wrapper, got {ofType}.", nameof(ofType));
        }
        OfType = ofType;
    }

    /// <summary>The wrapped type.</summary>
    public GraphQLType OfType { get; }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.NonNull;

    /// <inheritdoc />
    public override string ToString() => OfType + "!";
}

/// <summary>A named type: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    private Dictionary<string, object?>? _metadata;

    /// <summary>Creates a named type.</summary>
    protected NamedType(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The type's name.</summary>
    public string Name { get; }

    /// <summary>The description (Markdown), or null.</summary>
    public string? Description { get; set; }

    /// <summary>The SDL definition the type was built from, if any.</summary>
    public TypeDefinitionNode? AstNode { get; set; }

    /// <summary>SDL extensions that contributed to the type.</summary>
    public IList<TypeExtensionNode> ExtensionAstNodes { get; } = [];

    /// <summary>Free-form data attached by builders and conventions (e.g. the CLR type a type maps to).</summary>
    public IDictionary<string, object?> Metadata => _metadata ??= [];

    /// <summary>True for the eight introspection types (<c>__Schema</c>, <c>__Type</c>, ...).</summary>
    public bool IsIntrospectionType => Name.StartsWith("__", StringComparison.Ordinal) && Introspection.IsIntrospectionTypeName(Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
