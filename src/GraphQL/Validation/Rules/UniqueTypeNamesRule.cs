using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>SDL: each type is defined once, and not again when the extended schema has it.</summary>
internal sealed class UniqueTypeNamesRule : ValidationRule
{
    public static readonly UniqueTypeNamesRule Instance = new();

    private UniqueTypeNamesRule()
        : base(
            NodeKind.ScalarTypeDefinition, NodeKind.ObjectTypeDefinition, NodeKind.InterfaceTypeDefinition, NodeKind.UnionTypeDefinition,
            NodeKind.EnumTypeDefinition, NodeKind.InputObjectTypeDefinition)
    {
    }

    public override string Name => "UniqueTypeNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

        public override bool Enter(Node node)
        {
            var name = ((TypeDefinitionNode)node).Name;
            if (context.Schema?.GetType(name.Value) is not null)
            {
                context.ReportError($"Type \"{name.Value}\" already exists in the schema. It cannot also be defined in this type definition.", name);
                return true;
            }
            if (_known.TryGetValue(name.Value, out var previous))
            {
                context.ReportError($"There can be only one type named \"{name.Value}\".", previous, name);
            }
            else
            {
                _known[name.Value] = name;
            }
            return false;
        }
    }
}
