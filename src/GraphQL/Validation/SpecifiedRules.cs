using RfmGraph.GraphQL.Validation.Rules;

namespace RfmGraph.GraphQL.Validation;

/// <summary>The rule sets: the spec's executable rules (graphql-js specifiedRules order), the SDL rules, and the optional ones.</summary>
public static class SpecifiedRules
{
    /// <summary>Every rule of the spec's Validation section plus MaxIntrospectionDepthRule, in graphql-js order.</summary>
    public static IReadOnlyList<ValidationRule> All { get; } =
    [
        ExecutableDefinitionsRule.Instance,
        UniqueOperationNamesRule.Instance,
        LoneAnonymousOperationRule.Instance,
        SingleFieldSubscriptionsRule.Instance,
        KnownTypeNamesRule.Instance,
        FragmentsOnCompositeTypesRule.Instance,
        VariablesAreInputTypesRule.Instance,
        ScalarLeafsRule.Instance,
        FieldsOnCorrectTypeRule.Instance,
        UniqueFragmentNamesRule.Instance,
        KnownFragmentNamesRule.Instance,
        NoUnusedFragmentsRule.Instance,
        PossibleFragmentSpreadsRule.Instance,
        NoFragmentCyclesRule.Instance,
        UniqueVariableNamesRule.Instance,
        NoUndefinedVariablesRule.Instance,
        NoUnusedVariablesRule.Instance,
        KnownDirectivesRule.Instance,
        UniqueDirectivesPerLocationRule.Instance,
        KnownArgumentNamesRule.Instance,
        UniqueArgumentNamesRule.Instance,
        ValuesOfCorrectTypeRule.Instance,
        ProvidedRequiredArgumentsRule.Instance,
        VariablesInAllowedPositionRule.Instance,
        OverlappingFieldsCanBeMergedRule.Instance,
        UniqueInputFieldNamesRule.Instance,
        MaxIntrospectionDepthRule.Instance,
    ];

    /// <summary>The rules for type-system documents (graphql-js specifiedSDLRules order).</summary>
    public static IReadOnlyList<ValidationRule> Sdl { get; } =
    [
        LoneSchemaDefinitionRule.Instance,
        UniqueOperationTypesRule.Instance,
        UniqueTypeNamesRule.Instance,
        UniqueEnumValueNamesRule.Instance,
        UniqueFieldDefinitionNamesRule.Instance,
        UniqueArgumentDefinitionNamesRule.Instance,
        UniqueDirectiveNamesRule.Instance,
        KnownTypeNamesRule.Instance,
        KnownDirectivesRule.Instance,
        UniqueDirectivesPerLocationRule.Instance,
        PossibleTypeExtensionsRule.Instance,
        KnownArgumentNamesOnDirectivesRule.Instance,
        UniqueArgumentNamesRule.Instance,
        UniqueInputFieldNamesRule.Instance,
        ProvidedRequiredArgumentsOnDirectivesRule.Instance,
    ];

    /// <summary>Optional: reports uses of deprecated fields, arguments, input fields and enum values.</summary>
    public static ValidationRule NoDeprecated => NoDeprecatedCustomRule.Instance;

    /// <summary>Optional: rejects introspection queries (for servers with introspection switched off).</summary>
    public static ValidationRule NoSchemaIntrospection => NoSchemaIntrospectionCustomRule.Instance;

    /// <summary>Every rule by its graphql-js name (executable, SDL-only and optional rules).</summary>
    public static IReadOnlyDictionary<string, ValidationRule> ByName { get; } = BuildByName();

    private static Dictionary<string, ValidationRule> BuildByName()
    {
        var map = new Dictionary<string, ValidationRule>(StringComparer.Ordinal);
        foreach (var rule in All)
        {
            map[rule.Name] = rule;
        }
        foreach (var rule in Sdl)
        {
            map[rule.Name] = rule;
        }
        map[NoDeprecated.Name] = NoDeprecated;
        map[NoSchemaIntrospection.Name] = NoSchemaIntrospection;
        return map;
    }
}
