using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation;

/// <summary>
/// Walks one operation or fragment (not the fragments it spreads) with its own <see cref="TypeInfo"/> and records
/// every variable reference with the input type expected there. Variable definitions are skipped, as in graphql-js.
/// </summary>
internal sealed class VariableUsageCollector(TypeInfo typeInfo, List<VariableUsage> usages)
{
    public void Collect(ExecutableDefinitionNode definition)
    {
        typeInfo.Enter(definition);
        VisitDirectives(definition.Directives);
        VisitSelectionSet(definition.SelectionSet);
        typeInfo.Leave(definition);
    }

    private void VisitSelectionSet(SelectionSetNode selectionSet)
    {
        typeInfo.Enter(selectionSet);
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            var selection = selections[i];
            typeInfo.Enter(selection);
            switch (selection)
            {
                case FieldNode field:
                    VisitArguments(field.Arguments);
                    VisitDirectives(field.Directives);
                    if (field.SelectionSet is not null)
                    {
                        VisitSelectionSet(field.SelectionSet);
                    }
                    break;
                case InlineFragmentNode inline:
                    VisitDirectives(inline.Directives);
                    VisitSelectionSet(inline.SelectionSet);
                    break;
                default:
                    VisitDirectives(selection.Directives);
                    break;
            }
            typeInfo.Leave(selection);
        }
        typeInfo.Leave(selectionSet);
    }

    private void VisitDirectives(IReadOnlyList<DirectiveNode> directives)
    {
        for (var i = 0; i < directives.Count; i++)
        {
            typeInfo.Enter(directives[i]);
            VisitArguments(directives[i].Arguments);
            typeInfo.Leave(directives[i]);
        }
    }

    private void VisitArguments(IReadOnlyList<ArgumentNode> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            typeInfo.Enter(arguments[i]);
            VisitValue(arguments[i].Value);
            typeInfo.Leave(arguments[i]);
        }
    }

    private void VisitValue(ValueNode value)
    {
        switch (value)
        {
            case VariableNode variable:
                usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.HasDefaultValue, typeInfo.ParentInputType));
                break;
            case ListValueNode list:
                typeInfo.Enter(list);
                for (var i = 0; i < list.Values.Count; i++)
                {
                    VisitValue(list.Values[i]);
                }
                typeInfo.Leave(list);
                break;
            case ObjectValueNode obj:
                for (var i = 0; i < obj.Fields.Count; i++)
                {
                    var field = obj.Fields[i];
                    typeInfo.Enter(field);
                    VisitValue(field.Value);
                    typeInfo.Leave(field);
                }
                break;
        }
    }
}
