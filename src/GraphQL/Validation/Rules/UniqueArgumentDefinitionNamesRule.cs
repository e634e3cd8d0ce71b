using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>SDL: argument names are unique per field definition and per directive definition.</summary>
internal sealed class UniqueArgumentDefinitionNamesRule : ValidationRule
{
    public static readonly UniqueArgumentDefinitionNamesRule Instance = new();

    private UniqueArgumentDefinitionNamesRule()
        : base(
            NodeKind.DirectiveDefinition, NodeKind.InterfaceTypeDefinition, NodeKind.InterfaceTypeExtension,
            NodeKind.ObjectTypeDefinition, NodeKind.ObjectTypeExtension)
    {
    }

    public override string Name => "UniqueArgumentDefinitionNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            switch (node)
            {
                case DirectiveDefinitionNode directive:
                    Check("@" + directive.Name.Value, directive.Arguments);
                    break;
                case InterfaceTypeDefinitionNode n:
                    CheckFields(n.Name.Value, n.Fields);
                    break;
                case InterfaceTypeExtensionNode n:
                    CheckFields(n.Name.Value, n.Fields);
                    break;
                case ObjectTypeDefinitionNode n:
                    CheckFields(n.Name.Value, n.Fields);
                    break;
                case ObjectTypeExtensionNode n:
                    CheckFields(n.Name.Value, n.Fields);
                    break;
            }
            return false;
        }

        private void CheckFields(string typeName, IReadOnlyList<FieldDefinitionNode> fields)
        {
            foreach (var field in fields)
            {
                Check($"{typeName}.{field.Name.Value}", field.Arguments);
            }
        }

        private void Check(string parentName, IReadOnlyList<InputValueDefinitionNode> arguments)
        {
            if (arguments.Count < 2)
            {
                return;
            }
            foreach (var (name, nodes) in Grouping.ByName(arguments, a => a.Name))
            {
                if (nodes.Count > 1)
                {
                    context.ReportError(new GraphQLError($"Argument \"{parentName}({name}:)\" can only be defined once.", nodes));
                }
            }
        }
    }
}
