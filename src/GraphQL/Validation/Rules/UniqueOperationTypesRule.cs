using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>SDL: each root operation type is defined once, and not again when it exists in the extended schema.</summary>
internal sealed class UniqueOperationTypesRule : ValidationRule
{
    public static readonly UniqueOperationTypesRule Instance = new();

    private UniqueOperationTypesRule()
        : base(NodeKind.SchemaDefinition, NodeKind.SchemaExtension)
    {
    }

    public override string Name => "UniqueOperationTypesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Dictionary<OperationType, OperationTypeDefinitionNode> _defined = [];

        public override bool Enter(Node node)
        {
            var operationTypes = node is SchemaDefinitionNode definition ? definition.OperationTypes : ((SchemaExtensionNode)node).OperationTypes;
            foreach (var operationType in operationTypes)
            {
                var operation = operationType.Operation;
                var name = operation.ToString().ToLowerInvariant();
                if (context.Schema?.GetRootType(operation) is not null)
                {
                    context.ReportError($"Type for {name} already defined in the schema. It cannot be redefined.", operationType);
                }
                else if (_defined.TryGetValue(operation, out var previous))
                {
                    context.ReportError($"There can be only one {name} type in schema.", previous, operationType);
                }
                else
                {
                    _defined[operation] = operationType;
                }
            }
            return false;
        }
    }
}
