using System.Text;
using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.2 Fragment Spreads Must Not Form Cycles.</summary>
internal sealed class NoFragmentCyclesRule : ValidationRule
{
    public static readonly NoFragmentCyclesRule Instance = new();

    private NoFragmentCyclesRule()
        : base(NodeKind.OperationDefinition, NodeKind.FragmentDefinition)
    {
    }

    public override string Name => "NoFragmentCyclesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        // Fragments already checked: each fragment is the start of a depth-first search only once, so the whole
        // check is linear in the number of spreads.
        // Created on the first fragment definition: documents without fragments allocate nothing here.
        private HashSet<string>? _visited;
        private List<FragmentSpreadNode> _spreadPath = null!;
        private Dictionary<string, int> _spreadPathIndexByName = null!;

        public override bool Enter(Node node)
        {
            if (node is FragmentDefinitionNode fragment)
            {
                if (_visited is null)
                {
                    _visited = new HashSet<string>(StringComparer.Ordinal);
                    _spreadPath = [];
                    _spreadPathIndexByName = new Dictionary<string, int>(StringComparer.Ordinal);
                }
                DetectCycle(fragment);
            }
            return false;
        }

        private void DetectCycle(FragmentDefinitionNode fragment)
        {
            var fragmentName = fragment.Name.Value;
            if (!_visited!.Add(fragmentName))
            {
                return;
            }
            var spreads = context.GetFragmentSpreads(fragment.SelectionSet);
            if (spreads.Count == 0)
            {
                return;
            }
            _spreadPathIndexByName[fragmentName] = _spreadPath.Count;
            foreach (var spread in spreads)
            {
                var spreadName = spread.Name.Value;
                _spreadPath.Add(spread);
                if (!_spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
                {
                    if (context.GetFragment(spreadName) is { } target)
                    {
                        DetectCycle(target);
                    }
                }
                else
                {
                    var cyclePath = _spreadPath.GetRange(cycleIndex, _spreadPath.Count - cycleIndex);
                    var via = new StringBuilder();
                    for (var i = 0; i < cyclePath.Count - 1; i++)
                    {
                        via.Append(i == 0 ? string.Empty : ", ").Append('"').Append(cyclePath[i].Name.Value).Append('"');
                    }
                    context.ReportError(new GraphQLError(
                        $"Cannot spread fragment \"{spreadName}\" within itself" + (via.Length > 0 ? $" via {via}." : "."),
                        cyclePath));
                }
                _spreadPath.RemoveAt(_spreadPath.Count - 1);
            }
            _spreadPathIndexByName.Remove(fragmentName);
        }
    }
}
