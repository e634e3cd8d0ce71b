using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.6.3 Input Object Field Uniqueness.</summary>
internal sealed class UniqueInputFieldNamesRule : ValidationRule
{
    public static readonly UniqueInputFieldNamesRule Instance = new();

    private UniqueInputFieldNamesRule()
        : base(NodeKind.ObjectValue, NodeKind.ObjectField)
    {
    }

    public override string Name => "UniqueInputFieldNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        // One name map per enclosing object literal; fields are checked as they are visited, like graphql-js, so
        // errors of nested literals come in document order.
        private Stack<Dictionary<string, NameNode>?>? _stack;

        public override bool Enter(Node node)
        {
            if (node is ObjectValueNode obj)
            {
                (_stack ??= new Stack<Dictionary<string, NameNode>?>()).Push(obj.Fields.Count > 1 ? new Dictionary<string, NameNode>(StringComparer.Ordinal) : null);
                return true;
            }
            var field = (ObjectFieldNode)node;
            if (_stack is { Count: > 0 } && _stack.Peek() is { } known)
            {
                if (known.TryGetValue(field.Name.Value, out var previous))
                {
                    context.ReportError($"There can be only one input field named \"{field.Name.Value}\".", previous, field.Name);
                }
                else
                {
                    known[field.Name.Value] = field.Name;
                }
            }
            return true;
        }

        public override void Leave(Node node)
        {
            if (node is ObjectValueNode)
            {
                _stack?.Pop();
            }
        }
    }
}
