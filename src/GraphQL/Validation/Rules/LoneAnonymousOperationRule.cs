using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.2.1 Lone Anonymous Operation.</summary>
internal sealed class LoneAnonymousOperationRule : ValidationRule
{
    public static readonly LoneAnonymousOperationRule Instance = new();

    private LoneAnonymousOperationRule()
        : base(NodeKind.Document, NodeKind.OperationDefinition)
    {
    }

    public override string Name => "LoneAnonymousOperationRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private int _operationCount;

        public override bool Enter(Node node)
        {
            if (node is DocumentNode document)
            {
                var definitions = document.Definitions;
                for (var i = 0; i < definitions.Count; i++)
                {
                    if (definitions[i] is OperationDefinitionNode)
                    {
                        _operationCount++;
                    }
                }
            }
            else if (node is OperationDefinitionNode { Name: null } && _operationCount > 1)
            {
                context.ReportError("This anonymous operation must be the only defined operation.", node);
            }
            return true;
        }
    }
}
