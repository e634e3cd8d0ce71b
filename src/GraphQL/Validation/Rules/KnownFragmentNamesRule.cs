using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.1 Fragment Spread Target Defined.</summary>
internal sealed class KnownFragmentNamesRule : ValidationRule
{
    public static readonly KnownFragmentNamesRule Instance = new();

    private KnownFragmentNamesRule()
        : base(NodeKind.FragmentSpread)
    {
    }

    public override string Name => "KnownFragmentNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            var name = ((FragmentSpreadNode)node).Name;
            if (context.GetFragment(name.Value) is null)
            {
                context.ReportError($"Unknown fragment \"{name.Value}\".", name);
            }
            return true;
        }
    }
}
