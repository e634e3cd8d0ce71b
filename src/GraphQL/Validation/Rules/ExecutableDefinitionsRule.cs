using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.1.1 Executable Definitions: a request document holds only operations and fragments.</summary>
internal sealed class ExecutableDefinitionsRule : ValidationRule
{
    public static readonly ExecutableDefinitionsRule Instance = new();

    private ExecutableDefinitionsRule()
        : base(NodeKind.Document)
    {
    }

    public override string Name => "ExecutableDefinitionsRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            var definitions = ((DocumentNode)node).Definitions;
            for (var i = 0; i < definitions.Count; i++)
            {
                var definition = definitions[i];
                if (definition is ExecutableDefinitionNode)
                {
                    continue;
                }
                var name = definition switch
                {
                    SchemaDefinitionNode or SchemaExtensionNode => "schema",
                    TypeDefinitionNode type => "\"" + type.Name.Value + "\"",
                    TypeExtensionNode extension => "\"" + extension.Name.Value + "\"",
                    DirectiveDefinitionNode directive => "\"" + directive.Name.Value + "\"",
                    _ => "\"\"",
                };
                context.ReportError($"The {name} definition is not executable.", definition);
            }
            return false;
        }
    }
}
