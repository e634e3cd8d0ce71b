using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.1 Field Selections: a selected field exists on the parent type, with graphql-js's suggestions.</summary>
internal sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    public static readonly FieldsOnCorrectTypeRule Instance = new();

    private FieldsOnCorrectTypeRule()
        : base(NodeKind.Field)
    {
    }

    public override string Name => "FieldsOnCorrectTypeRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            if (context.ParentType is not { } parentType || context.FieldDefinition is not null)
            {
                return true;
            }
            var fieldName = ((FieldNode)node).Name.Value;
            var suggestion = SuggestionList.DidYouMean(SuggestedTypeNames(context.Schema!, parentType, fieldName), "to use an inline fragment on");
            if (suggestion.Length == 0)
            {
                suggestion = SuggestionList.DidYouMean(SuggestedFieldNames(parentType, fieldName));
            }
            context.ReportError($"Cannot query field \"{fieldName}\" on type \"{parentType.Name}\"." + suggestion, node);
            return true;
        }

        // Types that have the field, most-used interfaces first, then sub-interfaces before their parents, then by name.
        private static List<string> SuggestedTypeNames(Schema schema, NamedType type, string fieldName)
        {
            var suggested = new List<NamedType>();
            if (!type.IsAbstractType)
            {
                return [];
            }
            var usage = new Dictionary<NamedType, int>();
            foreach (var possibleType in schema.GetPossibleTypes(type))
            {
                if (possibleType.GetField(fieldName) is null)
                {
                    continue;
                }
                if (usage.TryAdd(possibleType, 1))
                {
                    suggested.Add(possibleType);
                }
                foreach (var iface in possibleType.Interfaces)
                {
                    if (iface.GetField(fieldName) is null)
                    {
                        continue;
                    }
                    if (usage.TryGetValue(iface, out var count))
                    {
                        usage[iface] = count + 1;
                    }
                    else
                    {
                        usage[iface] = 1;
                        suggested.Add(iface);
                    }
                }
            }
            int Compare(NamedType a, NamedType b)
            {
                var diff = usage[b] - usage[a];
                if (diff != 0)
                {
                    return diff;
                }
                if (a is InterfaceType && schema.IsSubType(a, b))
                {
                    return -1;
                }
                if (b is InterfaceType && schema.IsSubType(b, a))
                {
                    return 1;
                }
                return SuggestionList.NaturalCompare(a.Name, b.Name);
            }
            // The comparison is not a total order (sub-interface ties), so the result depends on the algorithm: use
            // V8's binary insertion sort, which is what Array.prototype.sort runs on short arrays.
            for (var i = 1; i < suggested.Count; i++)
            {
                var pivot = suggested[i];
                int left = 0, right = i;
                while (left < right)
                {
                    var mid = left + ((right - left) >> 1);
                    if (Compare(pivot, suggested[mid]) < 0)
                    {
                        right = mid;
                    }
                    else
                    {
                        left = mid + 1;
                    }
                }
                suggested.RemoveAt(i);
                suggested.Insert(left, pivot);
            }
            return suggested.ConvertAll(t => t.Name);
        }

        private static IReadOnlyList<string> SuggestedFieldNames(NamedType type, string fieldName)
        {
            if (type is not FieldsType fields)
            {
                return [];
            }
            var names = new List<string>(fields.Fields.Count);
            foreach (var field in fields.Fields)
            {
                names.Add(field.Name);
            }
            return SuggestionList.For(fieldName, names);
        }
    }
}
