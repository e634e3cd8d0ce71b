using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation;

/// <summary>Type helpers the rules share (graphql-js typeFromAST, isTypeSubTypeOf, doTypesOverlap).</summary>
internal static class TypeAst
{
    /// <summary>The schema type a type reference denotes; null when its named type is unknown.</summary>
    public static GraphQLType? Resolve(Schema schema, TypeNode node)
    {
        switch (node)
        {
            case NamedTypeNode named:
                return schema.GetType(named.Name.Value);
            case ListTypeNode list:
                var item = Resolve(schema, list.Type);
                return item is null ? null : new ListType(item);
            case NonNullTypeNode nonNull:
                var inner = Resolve(schema, nonNull.Type);
                return inner is null || inner is NonNullType ? null : new NonNullType(inner);
            default:
                return null;
        }
    }

    /// <summary>Whether a value of <paramref name="maybeSubType"/> can be used where <paramref name="superType"/> is expected.</summary>
    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        while (true)
        {
            if (ReferenceEquals(maybeSubType, superType))
            {
                return true;
            }
            if (superType is NonNullType superNonNull)
            {
                if (maybeSubType is NonNullType subNonNull)
                {
                    maybeSubType = subNonNull.OfType;
                    superType = superNonNull.OfType;
                    continue;
                }
                return false;
            }
            if (maybeSubType is NonNullType nonNull)
            {
                maybeSubType = nonNull.OfType;
                continue;
            }
            if (superType is ListType superList)
            {
                if (maybeSubType is ListType subList)
                {
                    maybeSubType = subList.OfType;
                    superType = superList.OfType;
                    continue;
                }
                return false;
            }
            if (maybeSubType is ListType)
            {
                return false;
            }
            return superType is NamedType { IsAbstractType: true } abstractType
                && maybeSubType is ObjectType or InterfaceType
                && schema.IsSubType(abstractType, (NamedType)maybeSubType);
        }
    }

    /// <summary>Whether two composite types can share a runtime object.</summary>
    public static bool DoTypesOverlap(Schema schema, NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a.IsAbstractType)
        {
            if (b.IsAbstractType)
            {
                var possible = schema.GetPossibleTypes(a);
                for (var i = 0; i < possible.Count; i++)
                {
                    if (schema.IsSubType(b, possible[i]))
                    {
                        return true;
                    }
                }
                return false;
            }
            return schema.IsSubType(a, b);
        }
        return b.IsAbstractType && schema.IsSubType(b, a);
    }

    /// <summary>A required argument or input field: non-null and without a default.</summary>
    public static bool IsRequired(InputValueDefinition value) => value.Type is NonNullType && !value.HasDefaultValue;

    /// <summary>The directive location an AST node with directives stands for; null for nodes that take none.</summary>
    public static DirectiveLocation? LocationOf(Node appliedTo, Node? grandParent) => appliedTo switch
    {
        OperationDefinitionNode operation => operation.Operation switch
        {
            OperationType.Query => DirectiveLocation.Query,
            OperationType.Mutation => DirectiveLocation.Mutation,
            _ => DirectiveLocation.Subscription,
        },
        FieldNode => DirectiveLocation.Field,
        FragmentSpreadNode => DirectiveLocation.FragmentSpread,
        InlineFragmentNode => DirectiveLocation.InlineFragment,
        FragmentDefinitionNode => DirectiveLocation.FragmentDefinition,
        VariableDefinitionNode => DirectiveLocation.VariableDefinition,
        SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.Schema,
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.Scalar,
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.Object,
        FieldDefinitionNode => DirectiveLocation.FieldDefinition,
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.Interface,
        UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.Union,
        EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.Enum,
        EnumValueDefinitionNode => DirectiveLocation.EnumValue,
        InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.InputObject,
        // graphql-js treats only fields of an input object *definition* as input field definitions.
        InputValueDefinitionNode => grandParent is InputObjectTypeDefinitionNode ? DirectiveLocation.InputFieldDefinition : DirectiveLocation.ArgumentDefinition,
        _ => null,
    };
}
