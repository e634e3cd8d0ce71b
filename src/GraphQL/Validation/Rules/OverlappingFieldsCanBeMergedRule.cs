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
            if (selectionSet.Selections.Count < 2 && (selectionSet.Selections.Count == 0 || selectionSet.Selections[0] is FieldNode))
            {
                // A lone field cannot conflict with anything in this set (its own sub-selection is visited separately).
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
    }
}
