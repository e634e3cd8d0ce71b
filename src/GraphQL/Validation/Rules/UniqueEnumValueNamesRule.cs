using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>SDL: each enum value is defined once per enum (definition and extensions together).</summary>
internal sealed class UniqueEnumValueNamesRule : ValidationRule
{
    public static readonly UniqueEnumValueNamesRule Instance = new();

    private UniqueEnumValueNamesRule()
        : base(NodeKind.EnumTypeDefinition, NodeKind.EnumTypeExtension)
    {
    }

    public override string Name => "UniqueEnumValueNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Dictionary<string, Dictionary<string, NameNode>> _known = new(StringComparer.Ordinal);

        public override bool Enter(Node node)
        {
            var (typeName, values) = node is EnumTypeDefinitionNode definition
                ? (definition.Name.Value, definition.Values)
                : (((EnumTypeExtensionNode)node).Name.Value, ((EnumTypeExtensionNode)node).Values);
            if (!_known.TryGetValue(typeName, out var names))
            {
                _known[typeName] = names = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            }
            var existing = context.Schema?.GetType(typeName) as EnumType;
            foreach (var value in values)
            {
                var valueName = value.Name.Value;
                if (existing?.GetValue(valueName) is not null)
                {
                    context.ReportError($"Enum value \"{typeName}.{valueName}\" already exists in the schema. It cannot also be defined in this type extension.", value.Name);
                }
                else if (names.TryGetValue(valueName, out var previous))
                {
                    context.ReportError($"Enum value \"{typeName}.{valueName}\" can only be defined once.", previous, value.Name);
                }
                else
                {
                    names[valueName] = value.Name;
                }
            }
            return false;
        }
    }
}
