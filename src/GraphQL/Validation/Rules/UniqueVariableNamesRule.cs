using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.1 Variable Uniqueness.</summary>
internal sealed class UniqueVariableNamesRule : ValidationRule
{
    public static readonly UniqueVariableNamesRule Instance = new();

    private UniqueVariableNamesRule()
        : base(NodeKind.OperationDefinition)
    {
    }

    public override string Name => "UniqueVariableNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            var definitions = ((OperationDefinitionNode)node).VariableDefinitions;
            if (definitions.Count > 1)
            {
                foreach (var (name, nodes) in Grouping.ByName(definitions, d => d.Variable.Name))
                {
                    if (nodes.Count > 1)
                    {
                        context.ReportError(new GraphQLError($"There can be only one variable named \"${name}\".", nodes));
                    }
                }
            }
            return true;
        }
    }
}
