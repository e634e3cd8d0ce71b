using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Types;

/// <summary>A field of an object or interface type: type, arguments, resolver and metadata.</summary>
public sealed class FieldDefinition
{
    private Dictionary<string, object?>? _metadata;

    /// <summary>Creates a field definition.</summary>
    public FieldDefinition(string name, GraphQLType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
    }

    /// <summary>The field's name.</summary>
    public string Name { get; }

    /// <summary>The field's output type.</summary>
    public GraphQLType Type { get; set; }

    /// <summary>The description, or null.</summary>
    public string? Description { get; set; }

    /// <summary>The argument definitions, in declaration order.</summary>
    public IList<InputValueDefinition> Arguments { get; } = [];

    /// <summary>Resolves the field's value; null means the default resolver (property, dictionary key).</summary>
    public FieldResolver? Resolver { get; set; }

    /// <summary>For subscription root fields: produces the source event stream.</summary>
    public SubscriptionResolver? Subscriber { get; set; }

    /// <summary>The deprecation reason; non-null means deprecated.</summary>
    public string? DeprecationReason { get; set; }

    /// <summary>True when <see cref="DeprecationReason"/> is set.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>The SDL definition the field came from, if any.</summary>
    public FieldDefinitionNode? AstNode { get; set; }

    /// <summary>Free-form data for conventions and limits (e.g. <c>cost</c>).</summary>
    public IDictionary<string, object?> Metadata => _metadata ??= [];

    /// <summary>True when metadata was attached (avoids allocating the dictionary on reads).</summary>
    public bool HasMetadata => _metadata is { Count: > 0 };

    /// <summary>Looks up an argument by name.</summary>
    public InputValueDefinition? GetArgument(string name)
    {
        for (var i = 0; i < Arguments.Count; i++)
        {
            if (Arguments[i].Name == name)
            {
                return Arguments[i];
            }
        }
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>An argument, an input object field or a directive argument.</summary>
public sealed class InputValueDefinition
{
    private object? _defaultValue;

    /// <summary>Creates an input value definition.</summary>
    public InputValueDefinition(string name, GraphQLType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The input type.</summary>
    public GraphQLType Type { get; set; }

    /// <summary>The description, or null.</summary>
    public string? Description { get; set; }

    /// <summary>True when a default value is defined (a default of null is a default).</summary>
    public bool HasDefaultValue { get; private set; }

    /// <summary>The default value as the engine's internal (coerced) value.</summary>
    public object? DefaultValue
    {
        get => _defaultValue;
        set
        {
            _defaultValue = value;
            HasDefaultValue = true;
        }
    }

    /// <summary>The default as written in SDL, if the definition came from SDL (used until coerced at build).</summary>
    public ValueNode? DefaultValueLiteral { get; set; }

    /// <summary>The deprecation reason; non-null means deprecated.</summary>
    public string? DeprecationReason { get; set; }

    /// <summary>True when <see cref="DeprecationReason"/> is set.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>The SDL definition, if any.</summary>
    public InputValueDefinitionNode? AstNode { get; set; }

    /// <summary>Removes the default value.</summary>
    public void ClearDefaultValue()
    {
        _defaultValue = null;
        HasDefaultValue = false;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
