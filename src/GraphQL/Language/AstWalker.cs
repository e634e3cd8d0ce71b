namespace RfmGraph.GraphQL.Language;

/// <summary>
/// Depth-first walk over an AST in graphql-js visiting order (children in their source order). Override
/// <see cref="Enter"/> / <see cref="Leave"/>; return false from <see cref="Enter"/> to skip a node's children.
/// <see cref="Ancestors"/> holds the path from the root to the current node's parent.
/// </summary>
public abstract class AstWalker
{
    private readonly List<Node> _ancestors = [];

    /// <summary>The nodes from the root down to the parent of the node being visited.</summary>
    protected IReadOnlyList<Node> Ancestors => _ancestors;

    /// <summary>The parent of the node being visited, or null at the root.</summary>
    protected Node? Parent => _ancestors.Count == 0 ? null : _ancestors[^1];

    /// <summary>Walks <paramref name="root"/> and everything below it.</summary>
    public void Walk(Node root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Visit(root);
    }

    /// <summary>Called before a node's children; return false to skip them (Leave is still called).</summary>
    protected virtual bool Enter(Node node) => true;

    /// <summary>Called after a node's children.</summary>
    protected virtual void Leave(Node node)
    {
    }

    private void Visit(Node node)
    {
        if (Enter(node))
        {
            _ancestors.Add(node);
            VisitChildren(node);
            _ancestors.RemoveAt(_ancestors.Count - 1);
        }
        Leave(node);
    }

    private void VisitAll<T>(IReadOnlyList<T> nodes)
        where T : Node
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            Visit(nodes[i]);
        }
    }

    private void VisitOptional(Node? node)
    {
        if (node is not null)
        {
            Visit(node);
        }
    }

    private void VisitChildren(Node node)
    {
        switch (node)
        {
            case DocumentNode n:
                VisitAll(n.Definitions);
                break;
            case OperationDefinitionNode n:
                VisitOptional(n.Name);
                VisitAll(n.VariableDefinitions);
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case VariableDefinitionNode n:
                Visit(n.Variable);
                Visit(n.Type);
                VisitOptional(n.DefaultValue);
                VisitAll(n.Directives);
                break;
            case VariableNode n:
                Visit(n.Name);
                break;
            case SelectionSetNode n:
                VisitAll(n.Selections);
                break;
            case FieldNode n:
                VisitOptional(n.Alias);
                Visit(n.Name);
                VisitAll(n.Arguments);
                VisitAll(n.Directives);
                VisitOptional(n.SelectionSet);
                break;
            case ArgumentNode n:
                Visit(n.Name);
                Visit(n.Value);
                break;
            case FragmentSpreadNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                break;
            case InlineFragmentNode n:
                VisitOptional(n.TypeCondition);
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case FragmentDefinitionNode n:
                Visit(n.Name);
                Visit(n.TypeCondition);
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case ListValueNode n:
                VisitAll(n.Values);
                break;
            case ObjectValueNode n:
                VisitAll(n.Fields);
                break;
            case ObjectFieldNode n:
                Visit(n.Name);
                Visit(n.Value);
                break;
            case DirectiveNode n:
                Visit(n.Name);
                VisitAll(n.Arguments);
                break;
            case NamedTypeNode n:
                Visit(n.Name);
                break;
            case ListTypeNode n:
                Visit(n.Type);
                break;
            case NonNullTypeNode n:
                Visit(n.Type);
                break;
            case SchemaDefinitionNode n:
                VisitOptional(n.Description);
                VisitAll(n.Directives);
                VisitAll(n.OperationTypes);
                break;
            case OperationTypeDefinitionNode n:
                Visit(n.Type);
                break;
            case ObjectTypeDefinitionNode n:
                VisitTypeDefinition(n);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case InterfaceTypeDefinitionNode n:
                VisitTypeDefinition(n);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case UnionTypeDefinitionNode n:
                VisitTypeDefinition(n);
                VisitAll(n.Directives);
                VisitAll(n.Types);
                break;
            case EnumTypeDefinitionNode n:
                VisitTypeDefinition(n);
                VisitAll(n.Directives);
                VisitAll(n.Values);
                break;
            case InputObjectTypeDefinitionNode n:
                VisitTypeDefinition(n);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case ScalarTypeDefinitionNode n:
                VisitTypeDefinition(n);
                VisitAll(n.Directives);
                break;
            case FieldDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Arguments);
                Visit(n.Type);
                VisitAll(n.Directives);
                break;
            case InputValueDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                Visit(n.Type);
                VisitOptional(n.DefaultValue);
                VisitAll(n.Directives);
                break;
            case EnumValueDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Directives);
                break;
            case DirectiveDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Arguments);
                VisitAll(n.Locations);
                break;
            case SchemaExtensionNode n:
                VisitAll(n.Directives);
                VisitAll(n.OperationTypes);
                break;
            case ScalarTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                break;
            case ObjectTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case InterfaceTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case UnionTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Types);
                break;
            case EnumTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Values);
                break;
            case InputObjectTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
        }
    }

    private void VisitTypeDefinition(TypeDefinitionNode node)
    {
        VisitOptional(node.Description);
        Visit(node.Name);
    }
}
