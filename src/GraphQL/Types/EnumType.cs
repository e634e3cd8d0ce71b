using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Types;

/// <summary>One value of an enum type: its GraphQL name and the CLR value resolvers see.</summary>
public sealed class EnumValueDefinition(string name, object? value)
{
    /// <summary>The GraphQL name (e.g. <c>IN_PROGRESS</c>).</summary>
    public string Name { get; } = name;

    /// <summary>The internal value: what arguments receive and what resolvers return.</summary>
    public object? Value { get; } = value;

    /// <summary>The description, or null.</summary>
    public string? Description { get; set; }

    /// <summary>The deprecation reason; non-null means deprecated.</summary>
    public string? DeprecationReason { get; set; }

    /// <summary>True when <see cref="DeprecationReason"/> is set.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>The SDL definition, if any.</summary>
    public EnumValueDefinitionNode? AstNode { get; set; }
}

/// <summary>An enum type. Values map GraphQL names to internal CLR values (CLR enum members or the names).</summary>
public sealed class EnumType(string name) : NamedType(name)
{
    private readonly List<EnumValueDefinition> _values = [];
    private readonly Dictionary<string, EnumValueDefinition> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<object, EnumValueDefinition> _byValue = [];

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Enum;

    /// <summary>The values, in declaration order.</summary>
    public IReadOnlyList<EnumValueDefinition> Values => _values;

    /// <summary>Adds a value.</summary>
    public EnumValueDefinition AddValue(EnumValueDefinition value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _values.Add(value);
        _byName.TryAdd(value.Name, value);
        if (value.Value is not null)
        {
            _byValue.TryAdd(value.Value, value);
        }
        return value;
    }

    /// <summary>Looks up a value by GraphQL name.</summary>
    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Result coercion: internal value → GraphQL name.</summary>
    public string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_byValue.TryGetValue(value, out var found))
        {
            return found.Name;
        }
        throw new CoercionException($"Enum \"{Name}\" cannot represent value: {Inspect.Value(value)}");
    }

    /// <summary>Variable coercion: a JSON string naming a value → internal value.</summary>
    public object? ParseValue(object input)
    {
        if (input is not string text)
        {
            var printed = Inspect.Value(input);
            throw new CoercionException($"Enum \"{Name}\" cannot represent non-string value: {printed}." + Suggest(printed));
        }
        if (_byName.TryGetValue(text, out var found))
        {
            return found.Value;
        }
        throw new CoercionException($"Value \"{text}\" does not exist in \"{Name}\" enum." + Suggest(text));
    }

    /// <summary>Literal coercion: an enum literal → internal value.</summary>
    public object? ParseLiteral(ValueNode literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        if (literal is not EnumValueNode enumValue)
        {
            var printed = Printer.Print(literal);
            throw new CoercionException($"Enum \"{Name}\" cannot represent non-enum value: {printed}." + Suggest(printed));
        }
        if (_byName.TryGetValue(enumValue.Value, out var found))
        {
            return found.Value;
        }
        throw new CoercionException($"Value \"{enumValue.Value}\" does not exist in \"{Name}\" enum." + Suggest(enumValue.Value));
    }

    private string Suggest(string unknown) =>
        SuggestionList.DidYouMean(SuggestionList.For(unknown, _values.Select(v => v.Name)), "the enum value");
}
