using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.3.2 Field Selection Merging: fields with the same response name must be the same field with the same
/// arguments (unless their parents are different object types) and must have mergeable types and sub-selections.
/// The comparisons follow graphql-js step by step (so errors and their order match); the per-run state lives in
/// <see cref="OverlappingFieldsChecker"/>, which keeps the work near-linear on large documents.
/// </summary>
internal sealed class OverlappingFieldsCanBeMergedRule : ValidationRule
{
    public static readonly OverlappingFieldsCanBeMergedRule Instance = new();

    private OverlappingFieldsCanBeMergedRule()
        : base(NodeKind.SelectionSet)
    {
    }

    public override string Name => "OverlappingFieldsCanBeMergedRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private OverlappingFieldsChecker? _checker;

        public override bool Enter(Node node)
        {
            var selectionSet = (SelectionSetNode)node;
            if (HasOnlyDistinctFields(selectionSet.Selections))
            {
                // Fields with distinct response names and no fragments cannot conflict within this set (their own
                // sub-selections are visited separately): the common case costs no allocation.
                return true;
            }
            _checker ??= new OverlappingFieldsChecker(context);
            foreach (var conflict in _checker.FindConflictsWithin(context.ParentType, selectionSet))
            {
                var nodes = new List<Node>(conflict.Fields1.Count + conflict.Fields2.Count);
                nodes.AddRange(conflict.Fields1);
                nodes.AddRange(conflict.Fields2);
                context.ReportError(new GraphQLError(
                    $"Fields \"{conflict.ResponseName}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                    nodes));
            }
            return true;
        }

        private static bool HasOnlyDistinctFields(IReadOnlyList<SelectionNode> selections)
        {
            const int PairwiseLimit = 16;
            if (selections.Count > PairwiseLimit)
            {
                return false;
            }
            for (var i = 0; i < selections.Count; i++)
            {
                if (selections[i] is not FieldNode field)
                {
                    return false;
                }
                var key = field.ResponseKey;
                for (var j = 0; j < i; j++)
                {
                    if (((FieldNode)selections[j]).ResponseKey == key)
                    {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
