using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>
/// graphql-js's MaxIntrospectionDepthRule: an introspection query (<c>__schema</c> / <c>__type</c>) may nest the
/// list fields <c>fields</c>, <c>interfaces</c>, <c>possibleTypes</c> and <c>inputFields</c> less than three
/// deep, fragments included. Stops a known denial of service by deeply nested introspection. Fragment results
/// are memoized by entry depth (as in graphql-js 16.15), so the check stays linear even with many spreads.
/// </summary>
internal sealed class MaxIntrospectionDepthRule : ValidationRule
{
    public static readonly MaxIntrospectionDepthRule Instance = new();

    private const int MaxListsDepth = 3;

    private MaxIntrospectionDepthRule()
        : base(NodeKind.Field)
    {
    }

    public override string Name => "MaxIntrospectionDepthRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        // Per fragment: the greatest entry depth at which its check passed, and the smallest at which it failed.
        // Created on the first introspection field: most documents have none.
        private Dictionary<string, int>? _checked;
        private Dictionary<string, int>? _exceeded;

        public override bool Enter(Node node)
        {
            var name = ((FieldNode)node).Name.Value;
            if (name is not ("__schema" or "__type"))
            {
                return true;
            }
            _checked ??= new Dictionary<string, int>(StringComparer.Ordinal);
            _exceeded ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (Exceeds(node, new Dictionary<string, int>(StringComparer.Ordinal), 0))
            {
                context.ReportError("Maximum introspection depth exceeded", node);
                return false;
            }
            return true;
        }

        private bool Exceeds(Node node, Dictionary<string, int> visited, int depth)
        {
            if (node is FragmentSpreadNode spread)
            {
                var fragmentName = spread.Name.Value;
                if (_exceeded!.TryGetValue(fragmentName, out var exceededAt) && exceededAt <= depth)
                {
                    return true;
                }
                // At an equal or shallower entry depth a revisit can find nothing new (breaks cycles too).
                if ((visited.TryGetValue(fragmentName, out var visitedAt) && visitedAt >= depth)
                    || (_checked!.TryGetValue(fragmentName, out var checkedAt) && checkedAt >= depth))
                {
                    return false;
                }
                if (context.GetFragment(fragmentName) is not { } fragment)
                {
                    return false;
                }
                visited[fragmentName] = depth;
                if (Exceeds(fragment, visited, depth))
                {
                    _exceeded![fragmentName] = depth;
                    return true;
                }
                _checked![fragmentName] = depth;
                return false;
            }
            SelectionSetNode? selectionSet;
            switch (node)
            {
                case FieldNode field:
                    if (field.Name.Value is "fields" or "interfaces" or "possibleTypes" or "inputFields" && ++depth >= MaxListsDepth)
                    {
                        return true;
                    }
                    selectionSet = field.SelectionSet;
                    break;
                case InlineFragmentNode inline:
                    selectionSet = inline.SelectionSet;
                    break;
                case FragmentDefinitionNode fragment:
                    selectionSet = fragment.SelectionSet;
                    break;
                default:
                    selectionSet = null;
                    break;
            }
            if (selectionSet is not null)
            {
                foreach (var child in selectionSet.Selections)
                {
                    if (Exceeds(child, visited, depth))
                    {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
