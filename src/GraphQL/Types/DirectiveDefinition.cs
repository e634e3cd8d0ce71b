using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Types;

/// <summary>A directive definition: name, arguments, allowed locations, repeatability.</summary>
public sealed class DirectiveDefinition
{
    /// <summary>Creates a directive definition.</summary>
    public DirectiveDefinition(string name, IEnumerable<DirectiveLocation> locations)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(locations);
        Name = name;
        Locations = [.. locations];
    }

    /// <summary>The name, without <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>The description, or null.</summary>
    public string? Description { get; set; }

    /// <summary>Where the directive may be used.</summary>
    public IList<DirectiveLocation> Locations { get; }

    /// <summary>The arguments.</summary>
    public IList<InputValueDefinition> Arguments { get; } = [];

    /// <summary>The deprecation reason (graphql-js 16.15 experimental directive deprecation); null when not deprecated.</summary>
    public string? DeprecationReason { get; set; }

    /// <summary>True when the directive may appear more than once at a location.</summary>
    public bool IsRepeatable { get; set; }

    /// <summary>The SDL definition, if any.</summary>
    public DirectiveDefinitionNode? AstNode { get; set; }

    /// <summary>Looks up an argument.</summary>
    public InputValueDefinition? GetArgument(string name) => Arguments.FirstOrDefault(a => a.Name == name);

    /// <inheritdoc />
    public override string ToString() => "@" + Name;
}

/// <summary>The directives every schema has: @include, @skip, @deprecated, @specifiedBy, @oneOf.</summary>
public static class BuiltInDirectives
{
    /// <summary>The default reason of @deprecated.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    /// <summary>@include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT.</summary>
    public static DirectiveDefinition Include { get; } = Conditional(
        "include",
        "Directs the executor to include this field or fragment only when the `if` argument is true.",
        "Included when true.");

    /// <summary>@skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT.</summary>
    public static DirectiveDefinition Skip { get; } = Conditional(
        "skip",
        "Directs the executor to skip this field or fragment when the `if` argument is true.",
        "Skipped when true.");

    /// <summary>@deprecated(reason: String = "No longer supported").</summary>
    public static DirectiveDefinition Deprecated { get; } = CreateDeprecated();

    /// <summary>@specifiedBy(url: String!) on SCALAR.</summary>
    public static DirectiveDefinition SpecifiedBy { get; } = CreateSpecifiedBy();

    /// <summary>@oneOf on INPUT_OBJECT.</summary>
    public static DirectiveDefinition OneOf { get; } = new("oneOf", [DirectiveLocation.InputObject])
    {
        Description = "Indicates exactly one field must be supplied and this field must not be `null`.",
    };

    /// <summary>All five, in graphql-js's order.</summary>
    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    /// <summary>True for a built-in directive name.</summary>
    public static bool IsBuiltIn(string name) => All.Any(d => d.Name == name);

    private static DirectiveDefinition Conditional(string name, string description, string argumentDescription)
    {
        var directive = new DirectiveDefinition(name, [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment])
        {
            Description = description,
        };
        directive.Arguments.Add(new InputValueDefinition("if", new NonNullType(Scalars.Boolean)) { Description = argumentDescription });
        return directive;
    }

    private static DirectiveDefinition CreateDeprecated()
    {
        var directive = new DirectiveDefinition(
            "deprecated",
            [DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue, DirectiveLocation.DirectiveDefinition])
        {
            Description = "Marks an element of a GraphQL schema as no longer supported.",
        };
        directive.Arguments.Add(new InputValueDefinition("reason", Scalars.String)
        {
            Description = "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
            DefaultValue = DefaultDeprecationReason,
        });
        return directive;
    }

    private static DirectiveDefinition CreateSpecifiedBy()
    {
        var directive = new DirectiveDefinition("specifiedBy", [DirectiveLocation.Scalar])
        {
            Description = "Exposes a URL that specifies the behavior of this scalar.",
        };
        directive.Arguments.Add(new InputValueDefinition("url", new NonNullType(Scalars.String)) { Description = "The URL that specifies the behavior of this scalar." });
        return directive;
    }
}
