using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.3 Leaf Field Selections.</summary>
internal sealed class ScalarLeafsRule : ValidationRule
{
    public static readonly ScalarLeafsRule Instance = new();

    private ScalarLeafsRule()
        : base(NodeKind.Field)
    {
    }

    public override string Name => "ScalarLeafsRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            if (context.Type is not { } type)
            {
                return true;
            }
            var field = (FieldNode)node;
            var fieldName = field.Name.Value;
            if (type.NamedType.IsLeafType)
            {
                if (field.SelectionSet is not null)
                {
                    context.ReportError($"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", field.SelectionSet);
                }
            }
            else if (field.SelectionSet is null)
            {
                context.ReportError($"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?", field);
            }
            else if (field.SelectionSet.Selections.Count == 0)
            {
                context.ReportError($"Field \"{fieldName}\" of type \"{type}\" must have at least one field selected.", field);
            }
            return true;
        }
    }
}
