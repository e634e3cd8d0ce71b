using System.Globalization;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Execution;

/// <summary>
/// Limits that are not validation rules: introspection switch, depth, aliases and cost of the operation about
/// to run (fragments expanded, @skip/@include not applied — the worst case counts). Checked after validation
/// and variable coercion, before any resolver runs.
/// </summary>
internal static class OperationLimits
{
    /// <summary>The most fields the analysis visits (fragments expanded) before it declares the operation too complex.</summary>
    private const int MaxVisits = 100_000;

    /// <summary>
    /// Introspection switch, depth and aliases: shape checks that need no variables, run before validation so a
    /// hostile document is rejected before the validator spends time on it.
    /// </summary>
    public static GraphQLError? CheckShape(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        GraphQLOptions options) =>
        Check(schema, operation, fragments, new Dictionary<string, object?>(), options, includeCost: false);

    public static GraphQLError? Check(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        GraphQLOptions options,
        bool includeCost = true)
    {
        var rootType = schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            return null;
        }
        var walker = new Walker(schema, fragments, variables, options);
        walker.Walk(operation.SelectionSet, rootType, depth: 1, multiplier: 1, new HashSet<string>(StringComparer.Ordinal));
        if (walker.Visits > MaxVisits)
        {
            return new GraphQLError(
                $"Query is too complex: more than {MaxVisits} fields once fragments are expanded.",
                [operation],
                extensions: OperationExecutor.CodeExtension("MAX_COST_EXCEEDED"));
        }
        if (walker.IntrospectionField is { } introspection)
        {
            return new GraphQLError(
                $"GraphQL introspection has been disabled, but the requested query contained the field \"{introspection.Name.Value}\".",
                [introspection],
                extensions: OperationExecutor.CodeExtension("INTROSPECTION_DISABLED"));
        }
        if (options.MaxDepth > 0 && walker.MaxDepth > options.MaxDepth)
        {
            return new GraphQLError(
                $"Query depth {walker.MaxDepth} exceeds the maximum allowed depth of {options.MaxDepth}.",
                [operation],
                extensions: OperationExecutor.CodeExtension("MAX_DEPTH_EXCEEDED"));
        }
        if (options.MaxAliases > 0 && walker.Aliases > options.MaxAliases)
        {
            return new GraphQLError(
                $"Query uses {walker.Aliases} aliases, more than the maximum of {options.MaxAliases}.",
                [operation],
                extensions: OperationExecutor.CodeExtension("MAX_ALIASES_EXCEEDED"));
        }
        if (includeCost && options.MaxCost > 0 && walker.Cost > options.MaxCost)
        {
            return new GraphQLError(
                $"Query cost {walker.Cost.ToString(CultureInfo.InvariantCulture)} exceeds the maximum allowed cost of {options.MaxCost}.",
                [operation],
                extensions: OperationExecutor.CodeExtension("MAX_COST_EXCEEDED"));
        }
        return null;
    }

    private sealed class Walker(
        Schema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        GraphQLOptions options)
    {
        public int MaxDepth { get; private set; }

        public int Aliases { get; private set; }

        public double Cost { get; private set; }

        public FieldNode? IntrospectionField { get; private set; }

        public int Visits { get; private set; }

        public void Walk(SelectionSetNode selectionSet, NamedType parentType, int depth, double multiplier, HashSet<string> activeFragments)
        {
            // Bounded work even for documents whose fragments fan out exponentially.
            if (Visits > MaxVisits)
            {
                return;
            }
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        VisitField(field, parentType, depth, multiplier, activeFragments);
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is null ? parentType : schema.GetType(inline.TypeCondition.Name.Value) ?? parentType;
                        Walk(inline.SelectionSet, inlineType, depth, multiplier, activeFragments);
                        break;
                    case FragmentSpreadNode spread:
                        var name = spread.Name.Value;
                        if (fragments.TryGetValue(name, out var fragment) && activeFragments.Add(name))
                        {
                            var fragmentType = schema.GetType(fragment.TypeCondition.Name.Value) ?? parentType;
                            Walk(fragment.SelectionSet, fragmentType, depth, multiplier, activeFragments);
                            activeFragments.Remove(name);
                        }
                        break;
                }
            }
        }

        private void VisitField(FieldNode field, NamedType parentType, int depth, double multiplier, HashSet<string> activeFragments)
        {
            Visits++;
            var name = field.Name.Value;
            if (!options.EnableIntrospection && IntrospectionField is null && name is "__schema" or "__type")
            {
                IntrospectionField = field;
            }
            if (field.Alias is not null)
            {
                Aliases++;
            }
            MaxDepth = Math.Max(MaxDepth, depth);
            var definition = Introspection.GetFieldDefinition(schema, parentType, name);
            var ownCost = definition is { HasMetadata: true } && definition.Metadata.TryGetValue(FieldMetadataKeys.Cost, out var c) && c is int declared ? declared : 1;
            if (name == "__typename")
            {
                ownCost = 0;
            }
            Cost += ownCost * multiplier;
            if (field.SelectionSet is null || definition is null)
            {
                return;
            }
            var childMultiplier = multiplier;
            if (name is "__schema" or "__type")
            {
                // Introspection is bounded by the schema's size (and by the introspection switch), not by data:
                // it does not count towards the cost budget.
                childMultiplier = 0;
            }
            else if (definition.Type.Nullable is ListType || (definition.Type.Nullable is NonNullType { OfType: ListType }))
            {
                childMultiplier *= ListSize(field);
            }
            Walk(field.SelectionSet, definition.Type.NamedType, depth + 1, childMultiplier, activeFragments);
        }

        private int ListSize(FieldNode field)
        {
            foreach (var argument in field.Arguments)
            {
                if (argument.Name.Value is "first" or "last" or "limit" or "take")
                {
                    var value = argument.Value switch
                    {
                        IntValueNode literal when int.TryParse(literal.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
                        VariableNode variable when variables.TryGetValue(variable.Name.Value, out var v) && v is int or long => Convert.ToInt32(v, CultureInfo.InvariantCulture),
                        _ => (int?)null,
                    };
                    if (value is { } size)
                    {
                        return Math.Max(size, 1);
                    }
                }
            }
            return Math.Max(options.DefaultListSize, 1);
        }
    }
}
