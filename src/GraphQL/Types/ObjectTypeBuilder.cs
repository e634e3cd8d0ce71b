using RfmGraph.GraphQL.Execution;

namespace RfmGraph.GraphQL.Types;

/// <summary>Configures an object type (or, through <see cref="SchemaBuilder.ExtendObject{TSource}"/>, extends one).</summary>
/// <typeparam name="TSource">The CLR type of the parent values resolvers receive.</typeparam>
public sealed class ObjectTypeBuilder<TSource>
{
    private readonly SchemaBuilder _schema;
    private readonly ObjectType _type;
    private readonly bool _isExtension;

    internal ObjectTypeBuilder(SchemaBuilder schema, ObjectType type, bool isExtension)
    {
        _schema = schema;
        _type = type;
        _isExtension = isExtension;
    }

    /// <summary>The type being configured.</summary>
    public ObjectType Type => _type;

    /// <summary>The schema builder (data conventions add generated types through it).</summary>
    internal SchemaBuilder Schema => _schema;

    /// <summary>Sets the description.</summary>
    public ObjectTypeBuilder<TSource> Description(string description)
    {
        _type.Description = description;
        return this;
    }

    /// <summary>Declares implemented interfaces by name.</summary>
    public ObjectTypeBuilder<TSource> Implements(params string[] interfaces)
    {
        _schema.QueueInterfaces(_type, interfaces);
        return this;
    }

    /// <summary>Decides membership when this type sits behind an interface or union and the CLR type is not enough.</summary>
    public ObjectTypeBuilder<TSource> IsTypeOf(Func<object, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        _type.IsTypeOf = (value, _) => predicate(value);
        return this;
    }

    /// <summary>Adds a field with an explicit GraphQL type (SDL syntax, e.g. <c>"[Order!]!"</c>) and configures it.</summary>
    public ObjectTypeBuilder<TSource> Field(string name, string type, Action<FieldBuilder<TSource>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(AddField(name, SchemaBuilder.Ref(type)));
        return this;
    }

    /// <summary>Adds a field with an explicit type and a synchronous resolver on the parent value.</summary>
    public ObjectTypeBuilder<TSource> Field<TResult>(string name, string type, Func<TSource, TResult> resolve, string? description = null)
    {
        var field = AddField(name, SchemaBuilder.Ref(type)).Resolve(resolve);
        if (description is not null)
        {
            field.Description(description);
        }
        return this;
    }

    /// <summary>Adds a field whose GraphQL type is inferred from <typeparamref name="TResult"/>.</summary>
    public ObjectTypeBuilder<TSource> Field<TResult>(string name, Func<TSource, TResult> resolve, string? description = null)
    {
        var field = AddField(name, _schema.TypeFor(typeof(TResult))).Resolve(resolve);
        if (description is not null)
        {
            field.Description(description);
        }
        return this;
    }

    /// <summary>Adds a field and returns its builder for chaining arguments and a resolver.</summary>
    public FieldBuilder<TSource> Field(string name, string type) => AddField(name, SchemaBuilder.Ref(type));

    private FieldBuilder<TSource> AddField(string name, GraphQLType type)
    {
        if (_type.GetField(name) is not null)
        {
            var message = _isExtension
                ? $"Field \"{_type.Name}.{name}\" already exists in the schema. It cannot also be defined in this type extension."
                : $"Field \"{_type.Name}.{name}\" can only be defined once.";
            _schema.AddError(new GraphQLError(message));
        }
        var field = _type.AddField(new FieldDefinition(name, type));
        return new FieldBuilder<TSource>(_schema, field);
    }
}

/// <summary>Configures an interface type.</summary>
public sealed class InterfaceTypeBuilder
{
    private readonly SchemaBuilder _schema;
    private readonly InterfaceType _type;
    private readonly bool _isExtension;

    internal InterfaceTypeBuilder(SchemaBuilder schema, InterfaceType type, bool isExtension)
    {
        _schema = schema;
        _type = type;
        _isExtension = isExtension;
    }

    /// <summary>The type being configured.</summary>
    public InterfaceType Type => _type;

    /// <summary>Sets the description.</summary>
    public InterfaceTypeBuilder Description(string description)
    {
        _type.Description = description;
        return this;
    }

    /// <summary>Declares implemented interfaces by name (interfaces may implement interfaces).</summary>
    public InterfaceTypeBuilder Implements(params string[] interfaces)
    {
        _schema.QueueInterfaces(_type, interfaces);
        return this;
    }

    /// <summary>Resolves the concrete object type of a value (otherwise: by CLR type, then IsTypeOf).</summary>
    public InterfaceTypeBuilder ResolveType(ResolveTypeDelegate resolveType)
    {
        _type.ResolveType = resolveType;
        return this;
    }

    /// <summary>Adds a field (resolvers live on the implementing object types).</summary>
    public FieldBuilder<object> Field(string name, string type)
    {
        if (_type.GetField(name) is not null)
        {
            _schema.AddError(new GraphQLError(_isExtension
                ? $"Field \"{_type.Name}.{name}\" already exists in the schema. It cannot also be defined in this type extension."
                : $"Field \"{_type.Name}.{name}\" can only be defined once."));
        }
        return new FieldBuilder<object>(_schema, _type.AddField(new FieldDefinition(name, SchemaBuilder.Ref(type))));
    }
}

/// <summary>Configures an enum type built from a CLR enum.</summary>
public sealed class EnumTypeBuilder
{
    private readonly EnumType _type;

    internal EnumTypeBuilder(EnumType type) => _type = type;

    /// <summary>Sets the description.</summary>
    public EnumTypeBuilder Description(string description)
    {
        _type.Description = description;
        return this;
    }

    /// <summary>Describes one value.</summary>
    public EnumTypeBuilder Value(string name, string? description = null, string? deprecationReason = null)
    {
        var value = _type.GetValue(name) ?? throw new ArgumentException($"Enum {_type.Name} has no value {name}.", nameof(name));
        value.Description = description ?? value.Description;
        value.DeprecationReason = deprecationReason ?? value.DeprecationReason;
        return this;
    }
}

/// <summary>Configures an input object type.</summary>
public sealed class InputObjectTypeBuilder
{
    private readonly SchemaBuilder _schema;
    private readonly InputObjectType _type;

    internal InputObjectTypeBuilder(SchemaBuilder schema, InputObjectType type)
    {
        _schema = schema;
        _type = type;
    }

    /// <summary>Sets the description.</summary>
    public InputObjectTypeBuilder Description(string description)
    {
        _type.Description = description;
        return this;
    }

    /// <summary>Marks the input as <c>@oneOf</c>: exactly one field must be given, and not null.</summary>
    public InputObjectTypeBuilder OneOf()
    {
        _type.IsOneOf = true;
        return this;
    }

    /// <summary>Adds a field (type in SDL syntax); <paramref name="defaultValue"/> is an internal value.</summary>
    public InputObjectTypeBuilder Field(string name, string type, string? description = null, Optional<object?> defaultValue = default, string? deprecationReason = null)
    {
        if (_type.GetField(name) is not null)
        {
            // InputObjectType.AddField replaces a field of the same name; declaring one twice here is a mistake.
            _schema.AddError(new GraphQLError($"Field \"{_type.Name}.{name}\" can only be defined once."));
        }
        var field = new InputValueDefinition(name, SchemaBuilder.Ref(type)) { Description = description, DeprecationReason = deprecationReason };
        if (defaultValue.HasValue)
        {
            field.DefaultValue = defaultValue.Value;
        }
        _type.AddField(field);
        return this;
    }
}

/// <summary>An optional value that distinguishes "not given" from "given as null" (default values can be null).</summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    /// <summary>Wraps a value.</summary>
    public Optional(T value)
    {
        Value = value;
        HasValue = true;
    }

    /// <summary>True when a value was given.</summary>
    public bool HasValue { get; }

    /// <summary>The value (default when none).</summary>
    public T Value { get; }

    /// <summary>Wraps a value implicitly, so callers write <c>defaultValue: 10</c>.</summary>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>Creates an optional from a value.</summary>
    public static Optional<T> FromT(T value) => new(value);

    /// <inheritdoc />
    public bool Equals(Optional<T> other) => HasValue == other.HasValue && EqualityComparer<T>.Default.Equals(Value, other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(HasValue, Value);

    /// <summary>Equality.</summary>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);
}
