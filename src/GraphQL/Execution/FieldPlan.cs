using System.Text.Json;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Execution;

/// <summary>
/// The fields to execute for one object type and one (merged) selection set: response keys in selection order
/// with their field definitions, AST nodes, pre-encoded JSON names and (computed once) argument values.
/// </summary>
internal sealed class FieldPlan(FieldPlanEntry[] entries)
{
    public FieldPlanEntry[] Entries { get; } = entries;
}

internal sealed class FieldPlanEntry(string responseKey, FieldNode[] nodes, FieldDefinition? definition)
{
    public string ResponseKey { get; } = responseKey;

    public JsonEncodedText EncodedKey { get; } = JsonEncodedText.Encode(responseKey, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    public FieldNode[] Nodes { get; } = nodes;

    /// <summary>Null when the field does not exist on the type (only possible without validation): skipped.</summary>
    public FieldDefinition? Definition { get; } = definition;

    /// <summary>Coerced arguments, computed on first use (same for every list item).</summary>
    public IReadOnlyDictionary<string, object?>? Arguments { get; set; }

    /// <summary>The argument coercion error, if any (also computed once).</summary>
    public GraphQLError? ArgumentError { get; set; }

    /// <summary>The resolver to call (field resolver or the default one).</summary>
    public FieldResolver? Resolver { get; set; }

    /// <summary>The object type the field is executed on.</summary>
    public ObjectType? ParentType { get; set; }

    /// <summary>Plans of the sub-selection, per runtime object type.</summary>
    public Dictionary<ObjectType, FieldPlan>? SubPlans { get; set; }
}

/// <summary>CollectFields (spec §6.3.2): fragments expanded, @skip/@include applied, fields grouped by response key.</summary>
internal static class FieldCollector
{
    public static FieldPlan Plan(ExecutionContext context, ObjectType type, IReadOnlyList<SelectionSetNode> selectionSets)
    {
        var groups = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        HashSet<string>? visited = null;
        foreach (var selectionSet in selectionSets)
        {
            Collect(context, type, selectionSet, groups, order, ref visited);
        }
        var entries = new FieldPlanEntry[order.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var key = order[i];
            var nodes = groups[key].ToArray();
            var definition = Introspection.GetFieldDefinition(context.Schema, type, nodes[0].Name.Value);
            entries[i] = new FieldPlanEntry(key, nodes, definition) { ParentType = type };
        }
        return new FieldPlan(entries);
    }

    private static void Collect(
        ExecutionContext context,
        ObjectType type,
        SelectionSetNode selectionSet,
        Dictionary<string, List<FieldNode>> groups,
        List<string> order,
        ref HashSet<string>? visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (!ShouldInclude(context, field.Directives))
                    {
                        continue;
                    }
                    var key = field.ResponseKey;
                    if (!groups.TryGetValue(key, out var list))
                    {
                        groups[key] = list = [];
                        order.Add(key);
                    }
                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (!ShouldInclude(context, inline.Directives) || !ConditionMatches(context.Schema, inline.TypeCondition, type))
                    {
                        continue;
                    }
                    Collect(context, type, inline.SelectionSet, groups, order, ref visitedFragments);
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if ((visitedFragments?.Contains(name) ?? false) || !ShouldInclude(context, spread.Directives))
                    {
                        continue;
                    }
                    (visitedFragments ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
                    if (!context.Fragments.TryGetValue(name, out var fragment) || !ConditionMatches(context.Schema, fragment.TypeCondition, type))
                    {
                        continue;
                    }
                    Collect(context, type, fragment.SelectionSet, groups, order, ref visitedFragments);
                    break;
            }
        }
    }

    private static bool ConditionMatches(Schema schema, NamedTypeNode? condition, ObjectType type)
    {
        if (condition is null)
        {
            return true;
        }
        var conditionType = schema.GetType(condition.Name.Value);
        if (ReferenceEquals(conditionType, type))
        {
            return true;
        }
        return conditionType is { IsAbstractType: true } && schema.IsSubType(conditionType, type);
    }

    /// <summary>@skip(if: true) or @include(if: false) excludes a selection.</summary>
    public static bool ShouldInclude(ExecutionContext context, IReadOnlyList<DirectiveNode> directives)
    {
        for (var i = 0; i < directives.Count; i++)
        {
            var directive = directives[i];
            var name = directive.Name.Value;
            if (name == "skip" && ArgumentValues.DirectiveIf(context, BuiltInDirectives.Skip, directive) == true)
            {
                return false;
            }
            if (name == "include" && ArgumentValues.DirectiveIf(context, BuiltInDirectives.Include, directive) == false)
            {
                return false;
            }
        }
        return true;
    }
}
