using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.1 Fragment Name Uniqueness.</summary>
internal sealed class UniqueFragmentNamesRule : ValidationRule
{
    public static readonly UniqueFragmentNamesRule Instance = new();

    private UniqueFragmentNamesRule()
        : base(NodeKind.OperationDefinition, NodeKind.FragmentDefinition)
    {
    }

    public override string Name => "UniqueFragmentNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private Dictionary<string, NameNode>? _known;

        public override bool Enter(Node node)
        {
            if (node is FragmentDefinitionNode fragment)
            {
                var name = fragment.Name;
                _known ??= new Dictionary<string, NameNode>(StringComparer.Ordinal);
                if (_known.TryGetValue(name.Value, out var previous))
                {
                    context.ReportError($"There can be only one fragment named \"{name.Value}\".", previous, name);
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
