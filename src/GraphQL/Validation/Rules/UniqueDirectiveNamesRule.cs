using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>SDL: each directive is defined once, and not again when the extended schema has it.</summary>
internal sealed class UniqueDirectiveNamesRule : ValidationRule
{
    public static readonly UniqueDirectiveNamesRule Instance = new();

    private UniqueDirectiveNamesRule()
        : base(NodeKind.DirectiveDefinition)
    {
    }

    public override string Name => "UniqueDirectiveNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

        public override bool Enter(Node node)
        {
            var name = ((DirectiveDefinitionNode)node).Name;
            if (context.Schema?.GetDirective(name.Value) is not null)
            {
                context.ReportError($"Directive \"@{name.Value}\" already exists in the schema. It cannot be redefined.", name);
                return true;
            }
            if (_known.TryGetValue(name.Value, out var previous))
            {
                context.ReportError($"There can be only one directive named \"@{name.Value}\".", previous, name);
            }
            else
            {
                _known[name.Value] = name;
            }
            return false;
        }
    }
}
