using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.7.3 Directives Are Unique Per Location (non-repeatable ones). For SDL, a type's definition and its
/// extensions count as one location, as does the schema with its extensions.
/// </summary>
internal sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    public static readonly UniqueDirectivesPerLocationRule Instance = new();

    private UniqueDirectivesPerLocationRule()
        : base(
            NodeKind.OperationDefinition, NodeKind.VariableDefinition, NodeKind.Field, NodeKind.FragmentSpread, NodeKind.InlineFragment,
            NodeKind.FragmentDefinition, NodeKind.SchemaDefinition, NodeKind.SchemaExtension, NodeKind.ScalarTypeDefinition,
            NodeKind.ScalarTypeExtension, NodeKind.ObjectTypeDefinition, NodeKind.ObjectTypeExtension, NodeKind.InterfaceTypeDefinition,
            NodeKind.InterfaceTypeExtension, NodeKind.UnionTypeDefinition, NodeKind.UnionTypeExtension, NodeKind.EnumTypeDefinition,
            NodeKind.EnumTypeExtension, NodeKind.InputObjectTypeDefinition, NodeKind.InputObjectTypeExtension, NodeKind.FieldDefinition,
            NodeKind.InputValueDefinition, NodeKind.EnumValueDefinition)
    {
    }

    public override string Name => "UniqueDirectivesPerLocationRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private Dictionary<string, DirectiveNode>? _schemaDirectives;
        private Dictionary<string, Dictionary<string, DirectiveNode>>? _typeDirectives;

        public override bool Enter(Node node)
        {
            var directives = DirectivesOf(node);
            if (directives.Count == 0 || (directives.Count == 1 && node is not (SchemaDefinitionNode or SchemaExtensionNode or TypeDefinitionNode or TypeExtensionNode)))
            {
                return true;
            }
            Dictionary<string, DirectiveNode> seen;
            switch (node)
            {
                case SchemaDefinitionNode or SchemaExtensionNode:
                    seen = _schemaDirectives ??= new(StringComparer.Ordinal);
                    break;
                case TypeDefinitionNode or TypeExtensionNode:
                    var typeName = node is TypeDefinitionNode definition ? definition.Name.Value : ((TypeExtensionNode)node).Name.Value;
                    _typeDirectives ??= new(StringComparer.Ordinal);
                    if (!_typeDirectives.TryGetValue(typeName, out seen!))
                    {
                        _typeDirectives[typeName] = seen = new(StringComparer.Ordinal);
                    }
                    break;
                default:
                    seen = new(StringComparer.Ordinal);
                    break;
            }
                        for (var i = 0; i < directives.Count; i++)
            {
                var directive = directives[i];
                var name = directive.Name.Value;
                if (context.DirectiveCatalog.Get(name) is not { IsRepeatable: false })
                {
                    continue;
                }
                if (seen.TryGetValue(name, out var previous))
                {
                    context.ReportError($"The directive \"@{name}\" can only be used once at this location.", previous, directive);
                }
                else
                {
                    seen[name] = directive;
                }
            }
            return true;
        }

        private static IReadOnlyList<DirectiveNode> DirectivesOf(Node node) => node switch
        {
            ExecutableDefinitionNode n => n.Directives,
            SelectionNode n => n.Directives,
            VariableDefinitionNode n => n.Directives,
            TypeSystemDefinitionNode n => n.Directives,
            TypeSystemExtensionNode n => n.Directives,
            FieldDefinitionNode n => n.Directives,
            InputValueDefinitionNode n => n.Directives,
            EnumValueDefinitionNode n => n.Directives,
            _ => [],
        };
    }
}
