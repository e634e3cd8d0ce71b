using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.2 Variables Are Input Types.</summary>
internal sealed class VariablesAreInputTypesRule : ValidationRule
{
    public static readonly VariablesAreInputTypesRule Instance = new();

    private VariablesAreInputTypesRule()
        : base(NodeKind.VariableDefinition)
    {
    }

    public override string Name => "VariablesAreInputTypesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            var definition = (VariableDefinitionNode)node;
            if (TypeAst.Resolve(context.Schema!, definition.Type) is { IsInputType: false })
            {
                context.ReportError(
                    $"Variable \"${definition.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(definition.Type)}\".",
                    definition.Type);
            }
            return true;
        }
    }
}
