using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Projections;

/// <summary>
/// Collects the fields selected below some field nodes for one object type, applying inline fragments and
/// @skip/@include — the look-ahead projections need two levels below a connection field. Returns null when a
/// fragment spread cannot be resolved (the caller then gives up projecting, which is safe).
/// </summary>
internal sealed class SelectionWalker(IReadOnlyDictionary<string, object?> variables, Func<string, FragmentDefinitionNode?> fragments)
{
    public List<FieldNode>? Collect(IEnumerable<FieldNode> parents, ObjectType type)
    {
        var result = new List<FieldNode>();
        foreach (var parent in parents)
        {
            if (parent.SelectionSet is { } set && !Collect(set, type, result, 0))
            {
                return null;
            }
        }
        return result;
    }

    private bool Collect(SelectionSetNode set, ObjectType type, List<FieldNode> result, int depth)
    {
        if (depth > 32)
        {
            return false;
        }
        foreach (var selection in set.Selections)
        {
            if (!Included(selection))
            {
                continue;
            }
            switch (selection)
            {
                case FieldNode field:
                    result.Add(field);
                    break;
                case InlineFragmentNode inline when Applies(inline.TypeCondition?.Name.Value, type):
                    if (!Collect(inline.SelectionSet, type, result, depth + 1))
                    {
                        return false;
                    }
                    break;
                case FragmentSpreadNode spread:
                    var fragment = fragments(spread.Name.Value);
                    if (fragment is null)
                    {
                        return false;
                    }
                    if (Applies(fragment.TypeCondition.Name.Value, type) && !Collect(fragment.SelectionSet, type, result, depth + 1))
                    {
                        return false;
                    }
                    break;
            }
        }
        return true;
    }

    private static bool Applies(string? condition, ObjectType type) =>
        condition is null || condition == type.Name || type.Interfaces.Any(i => i.Name == condition);

    private bool Included(SelectionNode selection)
    {
        foreach (var directive in selection.Directives)
        {
            var name = directive.Name.Value;
            if (name is not ("skip" or "include"))
            {
                continue;
            }
            var argument = directive.Arguments.FirstOrDefault(a => a.Name.Value == "if");
            var value = argument?.Value switch
            {
                BooleanValueNode b => b.Value,
                VariableNode v => variables.TryGetValue(v.Name.Value, out var x) && x is true,
                _ => false,
            };
            if ((name == "skip" && value) || (name == "include" && !value))
            {
                return false;
            }
        }
        return true;
    }
}
