using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.3.1 Single Root Field: a subscription selects exactly one, non-introspection, root field.</summary>
internal sealed class SingleFieldSubscriptionsRule : ValidationRule
{
    public static readonly SingleFieldSubscriptionsRule Instance = new();

    private SingleFieldSubscriptionsRule()
        : base(NodeKind.OperationDefinition)
    {
    }

    public override string Name => "SingleFieldSubscriptionsRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            var operation = (OperationDefinitionNode)node;
            if (operation.Operation != OperationType.Subscription || context.Schema?.SubscriptionType is not { } root)
            {
                return false;
            }
            var operationName = operation.Name?.Value;
            var fields = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
            var order = new List<string>();
            CollectFields(context.Schema, root, operation.SelectionSet, fields, order, new HashSet<string>(StringComparer.Ordinal));
            if (order.Count > 1)
            {
                var extra = new List<Node>();
                for (var i = 1; i < order.Count; i++)
                {
                    extra.AddRange(fields[order[i]]);
                }
                context.ReportError(new GraphQLError(
                    operationName is null
                        ? "Anonymous Subscription must select only one top level field."
                        : $"Subscription \"{operationName}\" must select only one top level field.",
                    extra));
            }
            foreach (var key in order)
            {
                var fieldNodes = fields[key];
                if (fieldNodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
                {
                    context.ReportError(new GraphQLError(
                        operationName is null
                            ? "Anonymous Subscription must not select an introspection top level field."
                            : $"Subscription \"{operationName}\" must not select an introspection top level field.",
                        fieldNodes));
                }
            }
            return false;
        }

        // The executor's CollectFields with no variables: @skip/@include literals apply, fragments are followed once.
        private void CollectFields(
            Schema schema,
            ObjectType runtimeType,
            SelectionSetNode selectionSet,
            Dictionary<string, List<FieldNode>> fields,
            List<string> order,
            HashSet<string> visitedFragments)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (!ShouldInclude(selection))
                {
                    continue;
                }
                switch (selection)
                {
                    case FieldNode field:
                        var key = field.ResponseKey;
                        if (!fields.TryGetValue(key, out var list))
                        {
                            fields[key] = list = [];
                            order.Add(key);
                        }
                        list.Add(field);
                        break;
                    case InlineFragmentNode inline:
                        if (inline.TypeCondition is null || ConditionMatches(schema, inline.TypeCondition, runtimeType))
                        {
                            CollectFields(schema, runtimeType, inline.SelectionSet, fields, order, visitedFragments);
                        }
                        break;
                    case FragmentSpreadNode spread:
                        var name = spread.Name.Value;
                        if (!visitedFragments.Add(name))
                        {
                            continue;
                        }
                        if (context.GetFragment(name) is { } fragment && ConditionMatches(schema, fragment.TypeCondition, runtimeType))
                        {
                            CollectFields(schema, runtimeType, fragment.SelectionSet, fields, order, visitedFragments);
                        }
                        break;
                }
            }
        }

        private static bool ConditionMatches(Schema schema, NamedTypeNode condition, ObjectType runtimeType)
        {
            var type = schema.GetType(condition.Name.Value);
            if (ReferenceEquals(type, runtimeType))
            {
                return true;
            }
            return type is { IsAbstractType: true } && schema.IsSubType(type, runtimeType);
        }

        private static bool ShouldInclude(SelectionNode selection)
        {
            foreach (var directive in selection.Directives)
            {
                var name = directive.Name.Value;
                if ((name == "skip" || name == "include") && directive.Arguments.Count > 0
                    && directive.Arguments[0] is { Name.Value: "if", Value: BooleanValueNode condition })
                {
                    if (name == "skip" ? condition.Value : !condition.Value)
                    {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
