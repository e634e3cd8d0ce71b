using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.3 Fragment Spread Is Possible.</summary>
internal sealed class PossibleFragmentSpreadsRule : ValidationRule
{
    public static readonly PossibleFragmentSpreadsRule Instance = new();

    private PossibleFragmentSpreadsRule()
        : base(NodeKind.InlineFragment, NodeKind.FragmentSpread)
    {
    }

    public override string Name => "PossibleFragmentSpreadsRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            var schema = context.Schema!;
            if (node is InlineFragmentNode)
            {
                if (context.Type is NamedType { IsCompositeType: true } fragmentType
                    && context.ParentType is { IsCompositeType: true } parentType
                    && !TypeAst.DoTypesOverlap(schema, fragmentType, parentType))
                {
                    context.ReportError(
                        $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                        node);
                }
                return true;
            }
            var name = ((FragmentSpreadNode)node).Name.Value;
            if (context.GetFragment(name) is { } fragment
                && schema.GetType(fragment.TypeCondition.Name.Value) is { IsCompositeType: true } spreadType
                && context.ParentType is { } parent
                && !TypeAst.DoTypesOverlap(schema, spreadType, parent))
            {
                context.ReportError(
                    $"Fragment \"{name}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{spreadType.Name}\".",
                    node);
            }
            return true;
        }
    }
}
