using System.Text.RegularExpressions;

namespace RfmGraph.GraphQL.Types;

/// <summary>The fluent, code-first entry points of the schema builder.</summary>
public sealed partial class SchemaBuilder
{
    /// <summary>
    /// Defines an object type whose values are <typeparamref name="TSource"/> instances. Values of that CLR type
    /// are recognized automatically when the type appears behind an interface or union.
    /// </summary>
    public SchemaBuilder Object<TSource>(string name, Action<ObjectTypeBuilder<TSource>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var type = new ObjectType(name);
        if (typeof(TSource) != typeof(object))
        {
            type.ClrType = typeof(TSource);
            RegisterClrType(typeof(TSource), name);
        }
        AddType(type);
        configure(new ObjectTypeBuilder<TSource>(this, type, isExtension: false));
        return this;
    }

    /// <summary>Defines an object type without a specific CLR source type (e.g. a root type).</summary>
    public SchemaBuilder Object(string name, Action<ObjectTypeBuilder<object>> configure) => Object<object>(name, configure);

    /// <summary>
    /// Adds fields (and interfaces) to an object type defined elsewhere — by another module, or in SDL — by
    /// name. Applied when the schema is built, so registration order between modules does not matter.
    /// <typeparamref name="TSource"/> is the CLR type this module expects the parent values to be.
    /// </summary>
    public SchemaBuilder ExtendObject<TSource>(string name, Action<ObjectTypeBuilder<TSource>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        QueueExtension(name, target =>
        {
            if (target is ObjectType obj)
            {
                configure(new ObjectTypeBuilder<TSource>(this, obj, isExtension: true));
            }
            else
            {
                AddError(new GraphQLError($"Cannot extend non-object type \"{name}\"."));
            }
        });
        return this;
    }

    /// <summary>Adds fields to an interface defined elsewhere, by name.</summary>
    public SchemaBuilder ExtendInterface(string name, Action<InterfaceTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        QueueExtension(name, target =>
        {
            if (target is InterfaceType iface)
            {
                configure(new InterfaceTypeBuilder(this, iface, isExtension: true));
            }
            else
            {
                AddError(new GraphQLError($"Cannot extend non-interface type \"{name}\"."));
            }
        });
        return this;
    }

    /// <summary>Defines an interface type.</summary>
    public SchemaBuilder Interface(string name, Action<InterfaceTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var type = new InterfaceType(name);
        AddType(type);
        configure(new InterfaceTypeBuilder(this, type, isExtension: false));
        return this;
    }

    /// <summary>Defines a union of object types (by name). Values resolve by CLR type unless <paramref name="resolveType"/> is given.</summary>
    public SchemaBuilder Union(string name, IEnumerable<string> members, ResolveTypeDelegate? resolveType = null, string? description = null)
    {
        var type = new UnionType(name) { ResolveType = resolveType, Description = description };
        AddType(type);
        QueueMembers(type, members);
        return this;
    }

    /// <summary>Adds member types to a union defined elsewhere, by name.</summary>
    public SchemaBuilder ExtendUnion(string name, params string[] members)
    {
        QueueExtension(name, target =>
        {
            if (target is UnionType union)
            {
                QueueMembers(union, members);
            }
            else
            {
                AddError(new GraphQLError($"Cannot extend non-union type \"{name}\"."));
            }
        });
        return this;
    }

    /// <summary>
    /// Defines an enum from a CLR enum: member <c>InProgress</c> becomes value <c>IN_PROGRESS</c>, and resolvers
    /// and arguments see the CLR value.
    /// </summary>
    public SchemaBuilder Enum<TEnum>(string? name = null, Action<EnumTypeBuilder>? configure = null)
        where TEnum : struct, Enum
    {
        var type = new EnumType(name ?? typeof(TEnum).Name);
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            type.AddValue(new EnumValueDefinition(ToEnumName(value.ToString()), value));
        }
        RegisterClrType(typeof(TEnum), type.Name);
        AddType(type);
        configure?.Invoke(new EnumTypeBuilder(type));
        return this;
    }

    /// <summary>Defines an enum whose internal values are its names.</summary>
    public SchemaBuilder Enum(string name, IEnumerable<string> values, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var type = new EnumType(name) { Description = description };
        foreach (var value in values)
        {
            type.AddValue(new EnumValueDefinition(value, value));
        }
        AddType(type);
        return this;
    }

    /// <summary>
    /// Defines an input object type; <c>Argument&lt;<typeparamref name="T"/>&gt;</c> maps its values onto
    /// <typeparamref name="T"/> (settable properties or constructor parameters, matched by name).
    /// </summary>
    public SchemaBuilder InputObject<T>(string name, Action<InputObjectTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var type = new InputObjectType(name);
        if (typeof(T) != typeof(object))
        {
            type.ClrType = typeof(T);
            RegisterClrType(typeof(T), name);
        }
        AddType(type);
        configure(new InputObjectTypeBuilder(this, type));
        return this;
    }

    /// <summary>Converts a C# member name to SCREAMING_SNAKE_CASE (<c>InProgress</c> → <c>IN_PROGRESS</c>).</summary>
    public static string ToEnumName(string clrName)
    {
        ArgumentNullException.ThrowIfNull(clrName);
        return SnakeBoundary().Replace(clrName, "$1_$2").ToUpperInvariant();
    }

    /// <summary>Converts a C# member name to camelCase (<c>FirstName</c> → <c>firstName</c>).</summary>
    public static string ToFieldName(string clrName)
    {
        ArgumentException.ThrowIfNullOrEmpty(clrName);
        return char.ToLowerInvariant(clrName[0]) + clrName[1..];
    }

    /// <summary>
    /// The GraphQL type reference for a CLR type: built-in scalars by CLR type (non-nullable for value types),
    /// registered objects/enums/inputs by name, sequences as lists.
    /// </summary>
    internal GraphQLType TypeFor(Type clrType)
    {
        var underlying = System.Nullable.GetUnderlyingType(clrType);
        var nonNull = clrType.IsValueType && underlying is null;
        var type = underlying ?? clrType;
        GraphQLType named = type switch
        {
            _ when type == typeof(string) => Scalars.String,
            _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) => Scalars.Int,
            _ when type == typeof(long) => Scalars.Long,
            _ when type == typeof(double) || type == typeof(float) => Scalars.Float,
            _ when type == typeof(decimal) => Scalars.Decimal,
            _ when type == typeof(bool) => Scalars.Boolean,
            _ when type == typeof(Guid) => Scalars.ID,
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => Scalars.DateTime,
            _ when type == typeof(DateOnly) => Scalars.Date,
            _ when GraphQLNameOf(type) is { } name => Ref(name),
            _ when type != typeof(string) && ElementType(type) is { } element => new ListType(TypeFor(element)),
            _ => throw new ArgumentException($"No GraphQL type is known for CLR type {type}; register it or pass the type explicitly (e.g. \"[Customer!]!\")."),
        };
        return nonNull ? new NonNullType(named) : named;
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex SnakeBoundary();
}
