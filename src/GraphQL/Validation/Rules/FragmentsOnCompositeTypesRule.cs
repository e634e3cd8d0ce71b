using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.3 Fragments On Composite Types.</summary>
internal sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public static readonly FragmentsOnCompositeTypesRule Instance = new();

    private FragmentsOnCompositeTypesRule()
        : base(NodeKind.InlineFragment, NodeKind.FragmentDefinition)
    {
    }

    public override string Name => "FragmentsOnCompositeTypesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            var condition = node is InlineFragmentNode inline ? inline.TypeCondition : ((FragmentDefinitionNode)node).TypeCondition;
            if (condition is null || context.Schema!.GetType(condition.Name.Value) is not { } type || type.IsCompositeType)
            {
                return true;
            }
            context.ReportError(
                node is FragmentDefinitionNode fragment
                    ? $"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{condition.Name.Value}\"."
                    : $"Fragment cannot condition on non composite type \"{condition.Name.Value}\".",
                condition);
            return true;
        }
    }
}
