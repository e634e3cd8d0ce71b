using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Optional (graphql-js NoDeprecatedCustomRule): reports uses of deprecated fields, arguments, input fields and enum values.</summary>
internal sealed class NoDeprecatedCustomRule : ValidationRule
{
    public static readonly NoDeprecatedCustomRule Instance = new();

    private NoDeprecatedCustomRule()
        : base(NodeKind.Field, NodeKind.Argument, NodeKind.ObjectField, NodeKind.EnumValue)
    {
    }

    public override string Name => "NoDeprecatedCustomRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            switch (node)
            {
                case FieldNode:
                    if (context.FieldDefinition is { DeprecationReason: { } fieldReason } field && context.ParentType is { } parent)
                    {
                        context.ReportError($"The field {parent.Name}.{field.Name} is deprecated. {fieldReason}", node);
                    }
                    break;
                case ArgumentNode:
                    if (context.Argument is { DeprecationReason: { } argumentReason } argument)
                    {
                        if (context.Directive is { } directive)
                        {
                            context.ReportError($"Directive \"@{directive.Name}\" argument \"{argument.Name}\" is deprecated. {argumentReason}", node);
                        }
                        else if (context.ParentType is { } parentType && context.FieldDefinition is { } fieldDefinition)
                        {
                            context.ReportError($"Field \"{parentType.Name}.{fieldDefinition.Name}\" argument \"{argument.Name}\" is deprecated. {argumentReason}", node);
                        }
                    }
                    break;
                case ObjectFieldNode objectField:
                    if (context.ParentInputType?.NamedType is InputObjectType input
                        && input.GetField(objectField.Name.Value) is { DeprecationReason: { } inputReason } inputField)
                    {
                        context.ReportError($"The input field {input.Name}.{inputField.Name} is deprecated. {inputReason}", node);
                    }
                    break;
                case EnumValueNode:
                    if (context.EnumValue is { DeprecationReason: { } enumReason } enumValue && context.InputType?.NamedType is { } enumType)
                    {
                        context.ReportError($"The enum value \"{enumType.Name}.{enumValue.Name}\" is deprecated. {enumReason}", node);
                    }
                    break;
            }
            return true;
        }
    }
}
