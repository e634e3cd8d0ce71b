using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.4 All Variables Used (through the fragments an operation uses).</summary>
internal sealed class NoUnusedVariablesRule : ValidationRule
{
    public static readonly NoUnusedVariablesRule Instance = new();

    private NoUnusedVariablesRule()
        : base(NodeKind.OperationDefinition)
    {
    }

    public override string Name => "NoUnusedVariablesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void Leave(Node node)
        {
            var operation = (OperationDefinitionNode)node;
            if (operation.VariableDefinitions.Count == 0)
            {
                return;
            }
            var used = new HashSet<string>(StringComparer.Ordinal);
            var usages = context.GetRecursiveVariableUsages(operation);
            for (var i = 0; i < usages.Count; i++)
            {
                used.Add(usages[i].Node.Name.Value);
            }
            var definitions = operation.VariableDefinitions;
            for (var i = 0; i < definitions.Count; i++)
            {
                var definition = definitions[i];
                var name = definition.Variable.Name.Value;
                if (!used.Contains(name))
                {
                    context.ReportError(
                        operation.Name is null
                            ? $"Variable \"${name}\" is never used."
                            : $"Variable \"${name}\" is never used in operation \"{operation.Name.Value}\".",
                        definition);
                }
            }
        }
    }
}
