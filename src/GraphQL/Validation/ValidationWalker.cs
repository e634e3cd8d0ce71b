using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation;

/// <summary>
/// Walks a document once and runs every rule's visitor in parallel (graphql-js ParallelVisitor +
/// visitWithTypeInfo): type information is entered before the visitors see a node and left after they leave it.
/// A visitor whose Enter returns false skips that subtree on its own. Name nodes and descriptions are not
/// visited (no rule needs them).
/// </summary>
internal sealed class ValidationWalker
{
    private readonly CompiledRules _rules;
    private readonly ValidationVisitor[] _visitors;
    private readonly Node?[] _skipping;
    private readonly ValidationContext _context;
    private readonly TypeInfo? _typeInfo;
    private readonly List<Node> _ancestors;

    public ValidationWalker(CompiledRules rules, ValidationContext context)
    {
        _rules = rules;
        _context = context;
        _typeInfo = context.TypeInfo;
        _ancestors = context.AncestorStack;
        _visitors = new ValidationVisitor[rules.Rules.Count];
        for (var i = 0; i < _visitors.Length; i++)
        {
            _visitors[i] = rules.Rules[i].CreateVisitor(context);
        }
        _skipping = new Node?[_visitors.Length];
    }

    public void Walk(DocumentNode document) => Visit(document);

    private void Visit(Node node)
    {
        _typeInfo?.Enter(node);
        var interested = _rules.ByKind[(int)node.Kind];
        for (var i = 0; i < interested.Length; i++)
        {
            var index = interested[i];
            if (_skipping[index] is null && !_visitors[index].Enter(node))
            {
                _skipping[index] = node;
            }
        }
        _ancestors.Add(node);
        VisitChildren(node);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        for (var i = 0; i < interested.Length; i++)
        {
            var index = interested[i];
            var skipped = _skipping[index];
            if (skipped is null)
            {
                _visitors[index].Leave(node);
            }
            else if (ReferenceEquals(skipped, node))
            {
                _skipping[index] = null;
            }
        }
        _typeInfo?.Leave(node);
    }

    private void VisitAll<T>(IReadOnlyList<T> nodes)
        where T : Node
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            Visit(nodes[i]);
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
                VisitAll(n.VariableDefinitions);
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case VariableDefinitionNode n:
                Visit(n.Variable);
                Visit(n.Type);
                if (n.DefaultValue is not null)
                {
                    Visit(n.DefaultValue);
                }
                VisitAll(n.Directives);
                break;
            case SelectionSetNode n:
                VisitAll(n.Selections);
                break;
            case FieldNode n:
                VisitAll(n.Arguments);
                VisitAll(n.Directives);
                if (n.SelectionSet is not null)
                {
                    Visit(n.SelectionSet);
                }
                break;
            case ArgumentNode n:
                Visit(n.Value);
                break;
            case FragmentSpreadNode n:
                VisitAll(n.Directives);
                break;
            case InlineFragmentNode n:
                if (n.TypeCondition is not null)
                {
                    Visit(n.TypeCondition);
                }
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case FragmentDefinitionNode n:
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
                Visit(n.Value);
                break;
            case DirectiveNode n:
                VisitAll(n.Arguments);
                break;
            case ListTypeNode n:
                Visit(n.Type);
                break;
            case NonNullTypeNode n:
                Visit(n.Type);
                break;
            case SchemaDefinitionNode n:
                VisitAll(n.Directives);
                VisitAll(n.OperationTypes);
                break;
            case OperationTypeDefinitionNode n:
                Visit(n.Type);
                break;
            case ObjectTypeDefinitionNode n:
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case InterfaceTypeDefinitionNode n:
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case UnionTypeDefinitionNode n:
                VisitAll(n.Directives);
                VisitAll(n.Types);
                break;
            case EnumTypeDefinitionNode n:
                VisitAll(n.Directives);
                VisitAll(n.Values);
                break;
            case InputObjectTypeDefinitionNode n:
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case ScalarTypeDefinitionNode n:
                VisitAll(n.Directives);
                break;
            case FieldDefinitionNode n:
                VisitAll(n.Arguments);
                Visit(n.Type);
                VisitAll(n.Directives);
                break;
            case InputValueDefinitionNode n:
                Visit(n.Type);
                if (n.DefaultValue is not null)
                {
                    Visit(n.DefaultValue);
                }
                VisitAll(n.Directives);
                break;
            case EnumValueDefinitionNode n:
                VisitAll(n.Directives);
                break;
            case DirectiveDefinitionNode n:
                VisitAll(n.Arguments);
                break;
            case SchemaExtensionNode n:
                VisitAll(n.Directives);
                VisitAll(n.OperationTypes);
                break;
            case ObjectTypeExtensionNode n:
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case InterfaceTypeExtensionNode n:
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case UnionTypeExtensionNode n:
                VisitAll(n.Directives);
                VisitAll(n.Types);
                break;
            case EnumTypeExtensionNode n:
                VisitAll(n.Directives);
                VisitAll(n.Values);
                break;
            case InputObjectTypeExtensionNode n:
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case ScalarTypeExtensionNode n:
                VisitAll(n.Directives);
                break;
        }
    }
}

/// <summary>A rule list prepared for walking: for each node kind, the indices of the rules that visit it.</summary>
internal sealed class CompiledRules
{
    public CompiledRules(IReadOnlyList<ValidationRule> rules)
    {
        Rules = rules;
        var kindCount = Enum.GetValues<NodeKind>().Length;
        ByKind = new int[kindCount][];
        var buffer = new List<int>(rules.Count);
        for (var kind = 0; kind < kindCount; kind++)
        {
            buffer.Clear();
            for (var i = 0; i < rules.Count; i++)
            {
                if ((rules[i].Kinds & (1UL << kind)) != 0)
                {
                    buffer.Add(i);
                }
            }
            ByKind[kind] = [.. buffer];
        }
    }

    public IReadOnlyList<ValidationRule> Rules { get; }

    public int[][] ByKind { get; }
}
