using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.1.1 Operation Name Uniqueness.</summary>
internal sealed class UniqueOperationNamesRule : ValidationRule
{
    public static readonly UniqueOperationNamesRule Instance = new();

    private UniqueOperationNamesRule()
        : base(NodeKind.OperationDefinition, NodeKind.FragmentDefinition)
    {
    }

    public override string Name => "UniqueOperationNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private Dictionary<string, NameNode>? _known;

        public override bool Enter(Node node)
        {
            if (node is OperationDefinitionNode { Name: { } name })
            {
                _known ??= new Dictionary<string, NameNode>(StringComparer.Ordinal);
                if (_known.TryGetValue(name.Value, out var previous))
                {
                    context.ReportError($"There can be only one operation named \"{name.Value}\".", previous, name);
                }
                else
                {
                    _known[name.Value] = name;
                }
            }
            return false;
        }
    }
}
