using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.1 Argument Names: every argument is defined by its field or directive.</summary>
internal sealed class KnownArgumentNamesRule : ValidationRule
{
    public static readonly KnownArgumentNamesRule Instance = new();

    private KnownArgumentNamesRule()
        : base(NodeKind.Directive, NodeKind.Argument)
    {
    }

    public override string Name => "KnownArgumentNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : KnownArgumentNamesOnDirectivesRule.DirectiveArgumentsVisitor(context)
    {
        public override bool Enter(Node node)
        {
            if (node is not ArgumentNode argument)
            {
                return base.Enter(node);
            }
            if (Context.Argument is null && Context.FieldDefinition is { } field && Context.ParentType is { } parentType)
            {
                var name = argument.Name.Value;
                var known = new List<string>(field.Arguments.Count);
                foreach (var definition in field.Arguments)
                {
                    known.Add(definition.Name);
                }
                Context.ReportError(
                    $"Unknown argument \"{name}\" on field \"{parentType.Name}.{field.Name}\"." + SuggestionList.DidYouMean(SuggestionList.For(name, known)),
                    argument);
            }
            return true;
        }
    }
}
