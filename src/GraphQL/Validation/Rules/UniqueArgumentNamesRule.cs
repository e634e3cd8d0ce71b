using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2 Argument Uniqueness, on fields and directives.</summary>
internal sealed class UniqueArgumentNamesRule : ValidationRule
{
    public static readonly UniqueArgumentNamesRule Instance = new();

    private UniqueArgumentNamesRule()
        : base(NodeKind.Field, NodeKind.Directive)
    {
    }

    public override string Name => "UniqueArgumentNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            var arguments = node is FieldNode field ? field.Arguments : ((DirectiveNode)node).Arguments;
            if (arguments.Count > 1)
            {
                foreach (var (name, nodes) in Grouping.ByName(arguments, a => a.Name))
                {
                    if (nodes.Count > 1)
                    {
                        context.ReportError(new GraphQLError($"There can be only one argument named \"{name}\".", nodes));
                    }
                }
            }
            return true;
        }
    }
}
