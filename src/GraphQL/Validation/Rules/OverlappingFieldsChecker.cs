using System.Text;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>
/// The comparisons of OverlappingFieldsCanBeMerged (graphql-js algorithm, steps A–J) with caches: the fields and
/// fragment names of each selection set are collected once, fragment pairs and field-map/fragment pairs are
/// compared once. Against quadratic blow-up on many fields sharing a response name (e.g. 1,000 copies of the same
/// field), fields that are structurally identical (same parent type, alias, name, arguments and sub-selection)
/// are compared through one representative: identical fields can only conflict through their sub-selections, and
/// they conflict with any other field exactly when the representative does. Groups of up to
/// <see cref="ExactGroupSize"/> fields are compared pairwise, exactly like graphql-js (same error count).
/// </summary>
internal sealed class OverlappingFieldsChecker(ValidationContext context)
{
    private const int ExactGroupSize = 8;

    private readonly Schema _schema = context.Schema!;
    private readonly Dictionary<SelectionSetNode, FieldMap> _fieldMaps = [];
    private readonly Dictionary<(string, string), bool> _comparedFragmentPairs = [];
    private readonly Dictionary<Node, int> _structureIds = [];
    private readonly Dictionary<string, int> _structureKeys = new(StringComparer.Ordinal);

    /// <summary>How many field pairs were compared (tests use it to prove the work stays near-linear).</summary>
    public int Comparisons { get; private set; }

    public List<Conflict> FindConflictsWithin(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var fieldMap = GetFieldMap(parentType, selectionSet);
        // (A) Conflicts within the fields of this selection set.
        CollectConflictsWithin(conflicts, fieldMap);
        var fragmentNames = fieldMap.FragmentNames;
        for (var i = 0; i < fragmentNames.Count; i++)
        {
            // (B) Between these fields and each spread fragment.
            CollectConflictsBetweenFieldsAndFragment(conflicts, false, fieldMap, fragmentNames[i]);
            // (C) Between the fragments spread together.
            for (var j = i + 1; j < fragmentNames.Count; j++)
            {
                CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
        }
        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool mutuallyExclusive, FieldMap fieldMap, string fragmentName)
    {
        // Memoized per field map: the same fields meet the same fragment through many paths.
        fieldMap.ComparedFragments ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (fieldMap.ComparedFragments.TryGetValue(fragmentName, out var comparedExclusive) && (mutuallyExclusive || !comparedExclusive))
        {
            return;
        }
        fieldMap.ComparedFragments[fragmentName] = mutuallyExclusive;
        if (context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }
        var fragmentMap = GetFragmentFieldMap(fragment);
        if (ReferenceEquals(fieldMap, fragmentMap))
        {
            return;
        }
        // (D) Between the fields and the fragment's fields.
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap, fragmentMap);
        // (E) Between the fields and the fragments the fragment spreads.
        foreach (var referenced in fragmentMap.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap, referenced);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool mutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        if (fragmentName1 == fragmentName2)
        {
            return;
        }
        var key = string.CompareOrdinal(fragmentName1, fragmentName2) < 0 ? (fragmentName1, fragmentName2) : (fragmentName2, fragmentName1);
        // A non-exclusive comparison covers an exclusive one, not the other way round (graphql-js PairSet).
        if (_comparedFragmentPairs.TryGetValue(key, out var comparedExclusive) && (mutuallyExclusive || !comparedExclusive))
        {
            return;
        }
        _comparedFragmentPairs[key] = mutuallyExclusive;
        if (context.GetFragment(fragmentName1) is not { } fragment1 || context.GetFragment(fragmentName2) is not { } fragment2)
        {
            return;
        }
        var fieldMap1 = GetFragmentFieldMap(fragment1);
        var fieldMap2 = GetFragmentFieldMap(fragment2);
        // (F) Between the two fragments' fields.
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap1, fieldMap2);
        // (G) Between each fragment and the fragments the other spreads.
        foreach (var referenced in fieldMap2.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, fragmentName1, referenced);
        }
        foreach (var referenced in fieldMap1.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, referenced, fragmentName2);
        }
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(
        bool mutuallyExclusive,
        NamedType? parentType1,
        SelectionSetNode selectionSet1,
        NamedType? parentType2,
        SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        var fieldMap1 = GetFieldMap(parentType1, selectionSet1);
        var fieldMap2 = GetFieldMap(parentType2, selectionSet2);
        // (H) Between the two sets of fields.
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap1, fieldMap2);
        // (I) Between each set of fields and the fragments the other spreads.
        foreach (var fragmentName2 in fieldMap2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap1, fragmentName2);
        }
        foreach (var fragmentName1 in fieldMap1.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap2, fragmentName1);
        }
        // (J) Between the fragments spread on each side.
        foreach (var fragmentName1 in fieldMap1.FragmentNames)
        {
            foreach (var fragmentName2 in fieldMap2.FragmentNames)
            {
                CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, fragmentName1, fragmentName2);
            }
        }
        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, FieldMap fieldMap)
    {
        foreach (var group in fieldMap.Groups)
        {
            var fields = group.Fields;
            if (fields.Count < 2)
            {
                continue;
            }
            if (fields.Count <= ExactGroupSize)
            {
                for (var i = 0; i < fields.Count; i++)
                {
                    for (var j = i + 1; j < fields.Count; j++)
                    {
                        AddIfConflict(conflicts, FindConflict(false, group.ResponseName, fields[i], fields[j]));
                    }
                }
                continue;
            }
            var classes = Representatives(group);
            for (var i = 0; i < classes.Count; i++)
            {
                // Identical copies conflict with each other only through their own sub-selections: compare one pair.
                if (classes[i].Copy is { } copy)
                {
                    AddIfConflict(conflicts, FindConflict(false, group.ResponseName, classes[i].Representative, copy));
                }
                for (var j = i + 1; j < classes.Count; j++)
                {
                    AddIfConflict(conflicts, FindConflict(false, group.ResponseName, classes[i].Representative, classes[j].Representative));
                }
            }
        }
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool mutuallyExclusive, FieldMap fieldMap1, FieldMap fieldMap2)
    {
        if (fieldMap1.Groups.Count == 0 || fieldMap2.Groups.Count == 0)
        {
            return;
        }
        foreach (var group1 in fieldMap1.Groups)
        {
            if (!fieldMap2.ByName.TryGetValue(group1.ResponseName, out var group2))
            {
                continue;
            }
            var fields1 = ComparisonSet(group1);
            var fields2 = ComparisonSet(group2);
            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    AddIfConflict(conflicts, FindConflict(mutuallyExclusive, group1.ResponseName, field1, field2));
                }
            }
        }
    }

    private List<FieldInfo> ComparisonSet(FieldGroup group)
    {
        if (group.Fields.Count <= ExactGroupSize)
        {
            return group.Fields;
        }
        return group.RepresentativeFields ??= Representatives(group).ConvertAll(c => c.Representative);
    }

    private Conflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, FieldInfo field1, FieldInfo field2)
    {
        Comparisons++;
        var node1 = field1.Node;
        var node2 = field2.Node;
        // Fields under two different object types can never apply to the same object, so they may differ.
        var mutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        if (!mutuallyExclusive)
        {
            var name1 = node1.Name.Value;
            var name2 = node2.Name.Value;
            if (name1 != name2)
            {
                return new Conflict(responseName, $"\"{name1}\" and \"{name2}\" are different fields", [node1], [node2]);
            }
            if (!SameArguments(node1.Arguments, node2.Arguments))
            {
                return new Conflict(responseName, "they have differing arguments", [node1], [node2]);
            }
        }
        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return new Conflict(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", [node1], [node2]);
        }
        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            var subConflicts = FindConflictsBetweenSubSelectionSets(
                mutuallyExclusive, type1?.NamedType, selectionSet1, type2?.NamedType, selectionSet2);
            return SubfieldConflicts(subConflicts, responseName, node1, node2);
        }
        return null;
    }

    private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts.Count == 0)
        {
            return null;
        }
        var reason = new StringBuilder();
        var fields1 = new List<FieldNode> { node1 };
        var fields2 = new List<FieldNode> { node2 };
        foreach (var conflict in conflicts)
        {
            if (reason.Length > 0)
            {
                reason.Append(" and ");
            }
            reason.Append("subfields \"").Append(conflict.ResponseName).Append("\" conflict because ").Append(conflict.Reason);
            fields1.AddRange(conflict.Fields1);
            fields2.AddRange(conflict.Fields2);
        }
        return new Conflict(responseName, reason.ToString(), fields1, fields2);
    }

    private static void AddIfConflict(List<Conflict> conflicts, Conflict? conflict)
    {
        if (conflict is not null)
        {
            conflicts.Add(conflict);
        }
    }

    private static bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        while (true)
        {
            if (type1 is ListType list1)
            {
                if (type2 is not ListType list2)
                {
                    return true;
                }
                type1 = list1.OfType;
                type2 = list2.OfType;
                continue;
            }
            if (type2 is ListType)
            {
                return true;
            }
            if (type1 is NonNullType nonNull1)
            {
                if (type2 is not NonNullType nonNull2)
                {
                    return true;
                }
                type1 = nonNull1.OfType;
                type2 = nonNull2.OfType;
                continue;
            }
            if (type2 is NonNullType)
            {
                return true;
            }
            if (type1.IsLeafType || type2.IsLeafType)
            {
                return !ReferenceEquals(type1, type2);
            }
            return false;
        }
    }

    private static bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count == 0)
        {
            return arguments2.Count == 0;
        }
        if (arguments2.Count == 0 || arguments1.Count != arguments2.Count)
        {
            return false;
        }
        for (var i = 0; i < arguments1.Count; i++)
        {
            var argument1 = arguments1[i];
            ValueNode? value2 = null;
            for (var j = 0; j < arguments2.Count; j++)
            {
                // The last duplicate wins, as in graphql-js's Map of arguments.
                if (arguments2[j].Name.Value == argument1.Name.Value)
                {
                    value2 = arguments2[j].Value;
                }
            }
            if (value2 is null || CanonicalValue(argument1.Value) != CanonicalValue(value2))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A value printed with object fields sorted by name: equal texts mean equal values (graphql-js stringifyValue).</summary>
    private static string CanonicalValue(ValueNode value)
    {
        switch (value)
        {
            case ObjectValueNode obj:
                var fields = new List<ObjectFieldNode>(obj.Fields);
                // Stable sort by natural name order, like sortValueNode.
                for (var i = 1; i < fields.Count; i++)
                {
                    var item = fields[i];
                    var j = i - 1;
                    while (j >= 0 && SuggestionList.NaturalCompare(fields[j].Name.Value, item.Name.Value) > 0)
                    {
                        fields[j + 1] = fields[j];
                        j--;
                    }
                    fields[j + 1] = item;
                }
                var builder = new StringBuilder("{");
                for (var i = 0; i < fields.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ").Append(fields[i].Name.Value).Append(": ").Append(CanonicalValue(fields[i].Value));
                }
                return builder.Append('}').ToString();
            case ListValueNode list:
                var items = new StringBuilder("[");
                for (var i = 0; i < list.Values.Count; i++)
                {
                    items.Append(i == 0 ? string.Empty : ", ").Append(CanonicalValue(list.Values[i]));
                }
                return items.Append(']').ToString();
            default:
                return Printer.Print(value);
        }
    }

    private FieldMap GetFragmentFieldMap(FragmentDefinitionNode fragment)
    {
        if (_fieldMaps.TryGetValue(fragment.SelectionSet, out var cached))
        {
            return cached;
        }
        return GetFieldMap(_schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);
    }

    private FieldMap GetFieldMap(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_fieldMaps.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }
        var map = new FieldMap();
        CollectFieldsAndFragmentNames(parentType, selectionSet, map);
        _fieldMaps[selectionSet] = map;
        return map;
    }

    private void CollectFieldsAndFragmentNames(NamedType? parentType, SelectionSetNode selectionSet, FieldMap map)
    {
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            switch (selections[i])
            {
                case FieldNode field:
                    var definition = (parentType as FieldsType)?.GetField(field.Name.Value);
                    var responseName = field.ResponseKey;
                    if (!map.ByName.TryGetValue(responseName, out var group))
                    {
                        group = new FieldGroup(responseName);
                        map.ByName[responseName] = group;
                        map.Groups.Add(group);
                    }
                    group.Fields.Add(new FieldInfo(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (map.FragmentNameSet.Add(name))
                    {
                        map.FragmentNames.Add(name);
                    }
                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is null ? parentType : _schema.GetType(inline.TypeCondition.Name.Value);
                    CollectFieldsAndFragmentNames(inlineType, inline.SelectionSet, map);
                    break;
            }
        }
    }

    // Classes of structurally identical fields, in first-seen order, each with one other member if it has any.
    private List<FieldClass> Representatives(FieldGroup group)
    {
        if (group.Classes is not null)
        {
            return group.Classes;
        }
        var classes = new List<FieldClass>();
        var byKey = new Dictionary<(NamedType?, int), int>();
        foreach (var field in group.Fields)
        {
            var key = (field.ParentType, StructureId(field.Node));
            if (byKey.TryGetValue(key, out var index))
            {
                if (classes[index].Copy is null)
                {
                    classes[index] = classes[index] with { Copy = field };
                }
            }
            else
            {
                byKey[key] = classes.Count;
                classes.Add(new FieldClass(field, null));
            }
        }
        group.Classes = classes;
        return classes;
    }

    // Hash-consing: equal ids mean equal structure (directives aside, which do not take part in merging).
    private int StructureId(Node node)
    {
        if (_structureIds.TryGetValue(node, out var id))
        {
            return id;
        }
        var key = new StringBuilder();
        switch (node)
        {
            case FieldNode field:
                key.Append("F:").Append(field.Alias?.Value).Append(':').Append(field.Name.Value).Append('(');
                foreach (var argument in field.Arguments)
                {
                    key.Append(argument.Name.Value).Append(':').Append(CanonicalValue(argument.Value)).Append(',');
                }
                key.Append(')');
                if (field.SelectionSet is not null)
                {
                    key.Append(StructureId(field.SelectionSet));
                }
                break;
            case SelectionSetNode set:
                key.Append("S:");
                foreach (var selection in set.Selections)
                {
                    key.Append(StructureId(selection)).Append(',');
                }
                break;
            case InlineFragmentNode inline:
                key.Append("I:").Append(inline.TypeCondition?.Name.Value).Append(':').Append(StructureId(inline.SelectionSet));
                break;
            case FragmentSpreadNode spread:
                key.Append("R:").Append(spread.Name.Value);
                break;
        }
        var text = key.ToString();
        if (!_structureKeys.TryGetValue(text, out id))
        {
            id = _structureKeys.Count;
            _structureKeys[text] = id;
        }
        _structureIds[node] = id;
        return id;
    }

    internal sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    private sealed record FieldInfo(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

    private sealed record FieldClass(FieldInfo Representative, FieldInfo? Copy);

    private sealed class FieldGroup(string responseName)
    {
        public string ResponseName { get; } = responseName;

        public List<FieldInfo> Fields { get; } = [];

        public List<FieldClass>? Classes { get; set; }

        public List<FieldInfo>? RepresentativeFields { get; set; }
    }

    private sealed class FieldMap
    {
        public List<FieldGroup> Groups { get; } = [];

        public Dictionary<string, FieldGroup> ByName { get; } = new(StringComparer.Ordinal);

        public List<string> FragmentNames { get; } = [];

        public HashSet<string> FragmentNameSet { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, bool>? ComparedFragments { get; set; }
    }
}
