using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2.1 Required Arguments, on fields and directives.</summary>
internal sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    public static readonly ProvidedRequiredArgumentsRule Instance = new();

    private ProvidedRequiredArgumentsRule()
        : base(NodeKind.Directive, NodeKind.Field)
    {
    }

    public override string Name => "ProvidedRequiredArgumentsRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ProvidedRequiredArgumentsOnDirectivesRule.DirectiveVisitor(context)
    {
        public override void Leave(Node node)
        {
            if (node is not FieldNode field)
            {
                base.Leave(node);
                return;
            }
            if (Context.FieldDefinition is not { } definition)
            {
                return;
            }
            var arguments = definition.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                if (TypeAst.IsRequired(argument) && !IsProvided(field.Arguments, argument.Name))
                {
                    Context.ReportError(
                        $"Field \"{definition.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                        field);
                }
            }
        }
    }
}
