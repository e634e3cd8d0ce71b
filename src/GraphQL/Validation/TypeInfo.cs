using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation;

/// <summary>
/// Tracks, while a document is walked, the schema element each node refers to: the output type and parent type
/// of selections, the field definition, the expected input type of values (and of their parent), whether the
/// current argument or input field has a default, the directive, the argument and the enum value. Same rules as
/// graphql-js's TypeInfo, so validation messages match. Stacks are reused between nodes: no per-node allocation.
/// </summary>
internal sealed class TypeInfo(Schema schema)
{
    private readonly Schema _schema = schema;
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<NamedType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<bool> _defaultValueStack = [];

    public GraphQLType? Type => Top(_typeStack);

    public NamedType? ParentType => Top(_parentTypeStack);

    public GraphQLType? InputType => Top(_inputTypeStack);

    public GraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;

    public FieldDefinition? FieldDefinition => Top(_fieldDefStack);

    /// <summary>True when the argument or input field the current value fills has a default value.</summary>
    public bool HasDefaultValue => _defaultValueStack.Count > 0 && _defaultValueStack[^1];

    public DirectiveDefinition? Directive { get; private set; }

    public InputValueDefinition? Argument { get; private set; }

    public EnumValueDefinition? EnumValue { get; private set; }

    public void Enter(Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.SelectionSet:
                var named = Type?.NamedType;
                _parentTypeStack.Add(named is { IsCompositeType: true } ? named : null);
                break;
            case NodeKind.Field:
                var parentType = ParentType;
                var fieldDef = parentType is null ? null : Introspection.GetFieldDefinition(_schema, parentType, ((FieldNode)node).Name.Value);
                _fieldDefStack.Add(fieldDef);
                _typeStack.Add(fieldDef is { Type.IsOutputType: true } ? fieldDef.Type : null);
                break;
            case NodeKind.Directive:
                Directive = _schema.GetDirective(((DirectiveNode)node).Name.Value);
                break;
            case NodeKind.OperationDefinition:
                _typeStack.Add(_schema.GetRootType(((OperationDefinitionNode)node).Operation));
                break;
            case NodeKind.InlineFragment:
                var inline = (InlineFragmentNode)node;
                GraphQLType? inlineType = inline.TypeCondition is null ? Type?.NamedType : TypeAst.Resolve(_schema, inline.TypeCondition);
                _typeStack.Add(inlineType is { IsOutputType: true } ? inlineType : null);
                break;
            case NodeKind.FragmentDefinition:
                var fragmentType = TypeAst.Resolve(_schema, ((FragmentDefinitionNode)node).TypeCondition);
                _typeStack.Add(fragmentType is { IsOutputType: true } ? fragmentType : null);
                break;
            case NodeKind.VariableDefinition:
                var variableType = TypeAst.Resolve(_schema, ((VariableDefinitionNode)node).Type);
                _inputTypeStack.Add(variableType is { IsInputType: true } ? variableType : null);
                break;
            case NodeKind.Argument:
                EnterArgument((ArgumentNode)node);
                break;
            case NodeKind.ListValue:
                var listType = InputType?.Nullable;
                var itemType = listType is ListType list ? list.OfType : listType;
                _defaultValueStack.Add(false);
                _inputTypeStack.Add(itemType is { IsInputType: true } ? itemType : null);
                break;
            case NodeKind.ObjectField:
                InputValueDefinition? inputField = null;
                if (InputType?.NamedType is InputObjectType inputObject)
                {
                    inputField = inputObject.GetField(((ObjectFieldNode)node).Name.Value);
                }
                _defaultValueStack.Add(inputField is { HasDefaultValue: true });
                _inputTypeStack.Add(inputField is { Type.IsInputType: true } ? inputField.Type : null);
                break;
            case NodeKind.EnumValue:
                EnumValue = InputType?.NamedType is EnumType enumType ? enumType.GetValue(((EnumValueNode)node).Value) : null;
                break;
        }
    }

    public void Leave(Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.SelectionSet:
                Pop(_parentTypeStack);
                break;
            case NodeKind.Field:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case NodeKind.Directive:
                Directive = null;
                break;
            case NodeKind.OperationDefinition:
            case NodeKind.InlineFragment:
            case NodeKind.FragmentDefinition:
                Pop(_typeStack);
                break;
            case NodeKind.VariableDefinition:
                Pop(_inputTypeStack);
                break;
            case NodeKind.Argument:
                Argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case NodeKind.ListValue:
            case NodeKind.ObjectField:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case NodeKind.EnumValue:
                EnumValue = null;
                break;
        }
    }

    private void EnterArgument(ArgumentNode node)
    {
        InputValueDefinition? argument = null;
        if (Directive is { } directive)
        {
            argument = FindArgument(directive.Arguments, node.Name.Value);
        }
        else if (FieldDefinition is { } field)
        {
            argument = FindArgument(field.Arguments, node.Name.Value);
        }
        Argument = argument;
        _defaultValueStack.Add(argument is { HasDefaultValue: true });
        _inputTypeStack.Add(argument is { Type.IsInputType: true } ? argument.Type : null);
    }

    private static InputValueDefinition? FindArgument(IList<InputValueDefinition> arguments, string name)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Name == name)
            {
                return arguments[i];
            }
        }
        return null;
    }

    private static T? Top<T>(List<T?> stack)
        where T : class =>
        stack.Count == 0 ? null : stack[^1];

    private static void Pop<T>(List<T> stack)
    {
        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
