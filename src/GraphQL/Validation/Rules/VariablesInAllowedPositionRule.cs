using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.5 All Variable Usages Are Allowed, plus the @oneOf rule that such variables be non-null.</summary>
internal sealed class VariablesInAllowedPositionRule : ValidationRule
{
    public static readonly VariablesInAllowedPositionRule Instance = new();

    private VariablesInAllowedPositionRule()
        : base(NodeKind.OperationDefinition)
    {
    }

    public override string Name => "VariablesInAllowedPositionRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void Leave(Node node)
        {
            var operation = (OperationDefinitionNode)node;
            var usages = context.GetRecursiveVariableUsages(operation);
            if (usages.Count == 0)
            {
                return;
            }
            var schema = context.Schema!;
            var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
            var variableDefinitions = operation.VariableDefinitions;
            for (var i = 0; i < variableDefinitions.Count; i++)
            {
                definitions[variableDefinitions[i].Variable.Name.Value] = variableDefinitions[i];
            }
            for (var i = 0; i < usages.Count; i++)
            {
                var usage = usages[i];
                var name = usage.Node.Name.Value;
                if (usage.Type is null || !definitions.TryGetValue(name, out var definition)
                    || TypeAst.Resolve(schema, definition.Type) is not { } variableType)
                {
                    continue;
                }
                if (!IsAllowed(schema, variableType, definition.DefaultValue, usage.Type, usage.HasLocationDefault))
                {
                    context.ReportError(
                        $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{usage.Type}\".",
                        definition,
                        usage.Node);
                }
                if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
                {
                    context.ReportError(
                        $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                        definition,
                        usage.Node);
                }
            }
        }

        // A nullable variable may flow into a non-null position only when a non-null default covers the null case.
        private static bool IsAllowed(Schema schema, GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool hasLocationDefault)
        {
            if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
            {
                var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
                if (!hasNonNullVariableDefault && !hasLocationDefault)
                {
                    return false;
                }
                return TypeAst.IsTypeSubTypeOf(schema, variableType, nonNullLocation.OfType);
            }
            return TypeAst.IsTypeSubTypeOf(schema, variableType, locationType);
        }
    }
}
