using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.3 All Variable Uses Defined (through the fragments an operation uses).</summary>
internal sealed class NoUndefinedVariablesRule : ValidationRule
{
    public static readonly NoUndefinedVariablesRule Instance = new();

    private NoUndefinedVariablesRule()
        : base(NodeKind.OperationDefinition)
    {
    }

    public override string Name => "NoUndefinedVariablesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void Leave(Node node)
        {
            var operation = (OperationDefinitionNode)node;
            var usages = context.GetRecursiveVariableUsages(operation);
            if (usages.Count == 0)
            {
                return;
            }
            var defined = new HashSet<string>(StringComparer.Ordinal);
            var definitions = operation.VariableDefinitions;
            for (var i = 0; i < definitions.Count; i++)
            {
                defined.Add(definitions[i].Variable.Name.Value);
            }
            for (var i = 0; i < usages.Count; i++)
            {
                var usage = usages[i];
                var name = usage.Node.Name.Value;
                if (!defined.Contains(name))
                {
                    context.ReportError(
                        operation.Name is null
                            ? $"Variable \"${name}\" is not defined."
                            : $"Variable \"${name}\" is not defined by operation \"{operation.Name.Value}\".",
                        usage.Node,
                        operation);
                }
            }
        }
    }
}
