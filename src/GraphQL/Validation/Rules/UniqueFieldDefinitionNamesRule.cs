using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>SDL: each field is defined once per object, interface or input type (definition and extensions together).</summary>
internal sealed class UniqueFieldDefinitionNamesRule : ValidationRule
{
    public static readonly UniqueFieldDefinitionNamesRule Instance = new();

    private UniqueFieldDefinitionNamesRule()
        : base(
            NodeKind.InputObjectTypeDefinition, NodeKind.InputObjectTypeExtension, NodeKind.InterfaceTypeDefinition,
            NodeKind.InterfaceTypeExtension, NodeKind.ObjectTypeDefinition, NodeKind.ObjectTypeExtension)
    {
    }

    public override string Name => "UniqueFieldDefinitionNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Dictionary<string, Dictionary<string, NameNode>> _known = new(StringComparer.Ordinal);

        public override bool Enter(Node node)
        {
            string typeName;
            var fieldNames = new List<NameNode>();
            switch (node)
            {
                case InputObjectTypeDefinitionNode n:
                    typeName = n.Name.Value;
                    fieldNames.AddRange(n.Fields.Select(f => f.Name));
                    break;
                case InputObjectTypeExtensionNode n:
                    typeName = n.Name.Value;
                    fieldNames.AddRange(n.Fields.Select(f => f.Name));
                    break;
                case InterfaceTypeDefinitionNode n:
                    typeName = n.Name.Value;
                    fieldNames.AddRange(n.Fields.Select(f => f.Name));
                    break;
                case InterfaceTypeExtensionNode n:
                    typeName = n.Name.Value;
                    fieldNames.AddRange(n.Fields.Select(f => f.Name));
                    break;
                case ObjectTypeDefinitionNode n:
                    typeName = n.Name.Value;
                    fieldNames.AddRange(n.Fields.Select(f => f.Name));
                    break;
                default:
                    var extension = (ObjectTypeExtensionNode)node;
                    typeName = extension.Name.Value;
                    fieldNames.AddRange(extension.Fields.Select(f => f.Name));
                    break;
            }
            if (!_known.TryGetValue(typeName, out var names))
            {
                _known[typeName] = names = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            }
            var existing = context.Schema?.GetType(typeName);
            foreach (var fieldName in fieldNames)
            {
                if (HasField(existing, fieldName.Value))
                {
                    context.ReportError($"Field \"{typeName}.{fieldName.Value}\" already exists in the schema. It cannot also be defined in this type extension.", fieldName);
                }
                else if (names.TryGetValue(fieldName.Value, out var previous))
                {
                    context.ReportError($"Field \"{typeName}.{fieldName.Value}\" can only be defined once.", previous, fieldName);
                }
                else
                {
                    names[fieldName.Value] = fieldName;
                }
            }
            return false;
        }

        private static bool HasField(NamedType? type, string name) => type switch
        {
            FieldsType fields => fields.GetField(name) is not null,
            InputObjectType input => input.GetField(name) is not null,
            _ => false,
        };
    }
}
