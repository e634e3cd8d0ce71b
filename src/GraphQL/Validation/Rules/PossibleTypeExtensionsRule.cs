using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>SDL: a type extension extends a defined type of the same kind.</summary>
internal sealed class PossibleTypeExtensionsRule : ValidationRule
{
    public static readonly PossibleTypeExtensionsRule Instance = new();

    private PossibleTypeExtensionsRule()
        : base(
            NodeKind.ScalarTypeExtension, NodeKind.ObjectTypeExtension, NodeKind.InterfaceTypeExtension, NodeKind.UnionTypeExtension,
            NodeKind.EnumTypeExtension, NodeKind.InputObjectTypeExtension)
    {
    }

    public override string Name => "PossibleTypeExtensionsRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private static NodeKind? ExtensionKindOf(NodeKind definitionKind) => definitionKind switch
    {
        NodeKind.ScalarTypeDefinition => NodeKind.ScalarTypeExtension,
        NodeKind.ObjectTypeDefinition => NodeKind.ObjectTypeExtension,
        NodeKind.InterfaceTypeDefinition => NodeKind.InterfaceTypeExtension,
        NodeKind.UnionTypeDefinition => NodeKind.UnionTypeExtension,
        NodeKind.EnumTypeDefinition => NodeKind.EnumTypeExtension,
        NodeKind.InputObjectTypeDefinition => NodeKind.InputObjectTypeExtension,
        _ => null,
    };

    private static NodeKind? ExtensionKindOf(NamedType type) => type switch
    {
        ScalarType => NodeKind.ScalarTypeExtension,
        ObjectType => NodeKind.ObjectTypeExtension,
        InterfaceType => NodeKind.InterfaceTypeExtension,
        UnionType => NodeKind.UnionTypeExtension,
        EnumType => NodeKind.EnumTypeExtension,
        InputObjectType => NodeKind.InputObjectTypeExtension,
        _ => null,
    };

    private static string KindName(NodeKind extensionKind) => extensionKind switch
    {
        NodeKind.ScalarTypeExtension => "scalar",
        NodeKind.ObjectTypeExtension => "object",
        NodeKind.InterfaceTypeExtension => "interface",
        NodeKind.UnionTypeExtension => "union",
        NodeKind.EnumTypeExtension => "enum",
        _ => "input object",
    };

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private Dictionary<string, TypeDefinitionNode>? _defined;

        public override bool Enter(Node node)
        {
            var extension = (TypeExtensionNode)node;
            var typeName = extension.Name.Value;
            _defined ??= DefinedTypes(context.Document);
            var definition = _defined.GetValueOrDefault(typeName);
            var existing = context.Schema?.GetType(typeName);
            NodeKind? expected = definition is not null ? ExtensionKindOf(definition.Kind) : existing is not null ? ExtensionKindOf(existing) : null;
            if (expected is { } expectedKind)
            {
                if (expectedKind != extension.Kind)
                {
                    var message = $"Cannot extend non-{KindName(extension.Kind)} type \"{typeName}\".";
                    if (definition is not null)
                    {
                        context.ReportError(message, definition, extension);
                    }
                    else
                    {
                        context.ReportError(message, extension);
                    }
                }
                return true;
            }
            var candidates = new List<string>(_defined.Keys);
            if (context.Schema is not null)
            {
                candidates.AddRange(context.Schema.Types.Keys);
            }
            context.ReportError(
                $"Cannot extend type \"{typeName}\" because it is not defined." + SuggestionList.DidYouMean(SuggestionList.For(typeName, candidates)),
                extension.Name);
            return true;
        }

        private static Dictionary<string, TypeDefinitionNode> DefinedTypes(DocumentNode document)
        {
            var defined = new Dictionary<string, TypeDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in document.Definitions)
            {
                if (definition is TypeDefinitionNode type)
                {
                    defined[type.Name.Value] = type;
                }
            }
            return defined;
        }
    }
}
