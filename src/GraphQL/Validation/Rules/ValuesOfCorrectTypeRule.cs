using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.6.1 Values of Correct Type: literals coerce to the expected input type (scalars and enums through their
/// own literal coercion, whose message is reported as is), input objects name only known fields and give every
/// required one, and @oneOf input objects give exactly one non-null field.
/// </summary>
internal sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    public static readonly ValuesOfCorrectTypeRule Instance = new();

    private ValuesOfCorrectTypeRule()
        : base(
            NodeKind.OperationDefinition, NodeKind.VariableDefinition, NodeKind.ListValue, NodeKind.ObjectValue, NodeKind.ObjectField,
            NodeKind.NullValue, NodeKind.EnumValue, NodeKind.IntValue, NodeKind.FloatValue, NodeKind.StringValue, NodeKind.BooleanValue)
    {
    }

    public override string Name => "ValuesOfCorrectTypeRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private Dictionary<string, VariableDefinitionNode>? _variables;

        public override bool Enter(Node node)
        {
            switch (node)
            {
                case OperationDefinitionNode:
                    _variables?.Clear();
                    return true;
                case VariableDefinitionNode definition:
                    (_variables ??= new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal))[definition.Variable.Name.Value] = definition;
                    return true;
                case ListValueNode:
                    if (context.ParentInputType?.Nullable is not ListType)
                    {
                        CheckLeaf((ValueNode)node);
                        return false;
                    }
                    return true;
                case ObjectValueNode obj:
                    return EnterObject(obj);
                case ObjectFieldNode field:
                    if (context.InputType is null && context.ParentInputType?.NamedType is InputObjectType parent)
                    {
                        var names = new List<string>(parent.Fields.Count);
                        foreach (var definition in parent.Fields)
                        {
                            names.Add(definition.Name);
                        }
                        context.ReportError(
                            $"Field \"{field.Name.Value}\" is not defined by type \"{parent.Name}\"." + SuggestionList.DidYouMean(SuggestionList.For(field.Name.Value, names)),
                            field);
                    }
                    return true;
                case NullValueNode:
                    if (context.InputType is NonNullType nonNull)
                    {
                        context.ReportError($"Expected value of type \"{nonNull}\", found null.", node);
                    }
                    return true;
                default:
                    CheckLeaf((ValueNode)node);
                    return true;
            }
        }

        private bool EnterObject(ObjectValueNode node)
        {
            if (context.InputType?.NamedType is not InputObjectType type)
            {
                CheckLeaf(node);
                return false;
            }
            // Later duplicates win, as in graphql-js keyMap (duplicates are UniqueInputFieldNames' business).
            var given = new Dictionary<string, ObjectFieldNode>(node.Fields.Count, StringComparer.Ordinal);
            var fields = node.Fields;
            for (var i = 0; i < fields.Count; i++)
            {
                given[fields[i].Name.Value] = fields[i];
            }
            var definitions = type.Fields;
            for (var i = 0; i < definitions.Count; i++)
            {
                var definition = definitions[i];
                if (!given.ContainsKey(definition.Name) && TypeAst.IsRequired(definition))
                {
                    context.ReportError($"Field \"{type.Name}.{definition.Name}\" of required type \"{definition.Type}\" was not provided.", node);
                }
            }
            if (type.IsOneOf)
            {
                CheckOneOf(node, type, given);
            }
            return true;
        }

        private void CheckOneOf(ObjectValueNode node, InputObjectType type, Dictionary<string, ObjectFieldNode> given)
        {
            if (given.Count != 1)
            {
                context.ReportError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
                return;
            }
            foreach (var (key, field) in given)
            {
                if (field.Value is NullValueNode)
                {
                    context.ReportError($"Field \"{type.Name}.{key}\" must be non-null.", node);
                }
                else if (field.Value is VariableNode variable
                    && _variables is not null
                    && _variables.TryGetValue(variable.Name.Value, out var definition)
                    && definition.Type is not NonNullTypeNode)
                {
                    context.ReportError($"Variable \"{variable.Name.Value}\" must be non-nullable to be used for OneOf Input Object \"{type.Name}\".", node);
                }
            }
        }

        private void CheckLeaf(ValueNode node)
        {
            if (context.InputType is not { } locationType)
            {
                return;
            }
            var type = locationType.NamedType;
            string? error;
            try
            {
                error = type switch
                {
                    ScalarType scalar => scalar.ParseLiteral(node) is null ? Expected(locationType, node) : null,
                    EnumType enumType => Parse(enumType, node),
                    _ => Expected(locationType, node),
                };
            }
            catch (CoercionException exception)
            {
                // Coercion messages are graphql-js's GraphQLErrors: reported unchanged.
                error = exception.Message;
            }
#pragma warning disable CA1031 // A custom scalar may throw anything; it is a validation error, not a crash.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                error = $"Expected value of type \"{locationType}\", found {Printer.Print(node)}; {exception.Message}";
            }
            if (error is not null)
            {
                context.ReportError(error, node);
            }
        }

        private static string? Parse(EnumType type, ValueNode node)
        {
            type.ParseLiteral(node);
            return null;
        }

        private static string Expected(GraphQLType type, ValueNode node) => $"Expected value of type \"{type}\", found {Printer.Print(node)}.";
    }
}
