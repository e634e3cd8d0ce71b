using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.4 Fragments Must Be Used.</summary>
internal sealed class NoUnusedFragmentsRule : ValidationRule
{
    public static readonly NoUnusedFragmentsRule Instance = new();

    private NoUnusedFragmentsRule()
        : base(NodeKind.Document)
    {
    }

    public override string Name => "NoUnusedFragmentsRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        // graphql-js reports these when leaving the document, after every other rule saw the operations.
        public override void Leave(Node node)
        {
            if (!context.HasFragments)
            {
                return;
            }
            var definitions = ((DocumentNode)node).Definitions;
            HashSet<string>? used = null;
            for (var i = 0; i < definitions.Count; i++)
            {
                if (definitions[i] is OperationDefinitionNode operation)
                {
                    foreach (var fragment in context.GetRecursivelyReferencedFragments(operation))
                    {
                        (used ??= new HashSet<string>(StringComparer.Ordinal)).Add(fragment.Name.Value);
                    }
                }
            }
            for (var i = 0; i < definitions.Count; i++)
            {
                if (definitions[i] is FragmentDefinitionNode fragment && (used is null || !used.Contains(fragment.Name.Value)))
                {
                    context.ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
                }
            }
        }
    }
}
