using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Validation;

/// <summary>
/// graphql-js builds the SDL cases' base schemas without validating them (many are just <c>type Foo</c>), while
/// our SchemaBuilder always validates. For those, this assembles a schema straight from the SDL: the named types
/// with their fields, enum values and input fields, the directives and the root types, which is everything the SDL
/// rules consult. Field types are not resolved (no SDL rule looks at them).
/// </summary>
internal static class UnvalidatedSchema
{
    public static Schema FromSdl(string sdl)
    {
        var document = Parser.Parse(sdl, ParserOptions.Unlimited);
        var types = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        var directives = new List<DirectiveDefinition>(BuiltInDirectives.All);
        SchemaDefinitionNode? schemaNode = null;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    schemaNode = schema;
                    break;
                case DirectiveDefinitionNode directive:
                    var locations = new List<DirectiveLocation>();
                    foreach (var location in directive.Locations)
                    {
                        if (DirectiveLocationNames.TryParse(location.Value, out var parsed))
                        {
                            locations.Add(parsed);
                        }
                    }
                    directives.Add(new DirectiveDefinition(directive.Name.Value, locations) { IsRepeatable = directive.Repeatable, AstNode = directive });
                    break;
                case TypeDefinitionNode type:
                    types[type.Name.Value] = Build(type);
                    break;
            }
        }
        ObjectType? Root(OperationType operation, string defaultName)
        {
            if (schemaNode is not null)
            {
                foreach (var operationType in schemaNode.OperationTypes)
                {
                    if (operationType.Operation == operation)
                    {
                        return types.GetValueOrDefault(operationType.Type.Name.Value) as ObjectType;
                    }
                }
                return null;
            }
            return types.GetValueOrDefault(defaultName) as ObjectType;
        }
        return new Schema(
            Root(OperationType.Query, "Query"),
            Root(OperationType.Mutation, "Mutation"),
            Root(OperationType.Subscription, "Subscription"),
            types.Values,
            directives)
        {
            AstNode = schemaNode,
        };
    }

    private static NamedType Build(TypeDefinitionNode node)
    {
        switch (node)
        {
            case ObjectTypeDefinitionNode obj:
                var objectType = new ObjectType(obj.Name.Value) { AstNode = obj };
                foreach (var field in obj.Fields)
                {
                    objectType.AddField(new FieldDefinition(field.Name.Value, Scalars.String));
                }
                return objectType;
            case InterfaceTypeDefinitionNode iface:
                var interfaceType = new InterfaceType(iface.Name.Value) { AstNode = iface };
                foreach (var field in iface.Fields)
                {
                    interfaceType.AddField(new FieldDefinition(field.Name.Value, Scalars.String));
                }
                return interfaceType;
            case InputObjectTypeDefinitionNode input:
                var inputType = new InputObjectType(input.Name.Value) { AstNode = input };
                foreach (var field in input.Fields)
                {
                    inputType.AddField(new InputValueDefinition(field.Name.Value, Scalars.String));
                }
                return inputType;
            case EnumTypeDefinitionNode enumNode:
                var enumType = new EnumType(enumNode.Name.Value) { AstNode = enumNode };
                foreach (var value in enumNode.Values)
                {
                    enumType.AddValue(new EnumValueDefinition(value.Name.Value, value.Name.Value));
                }
                return enumType;
            case UnionTypeDefinitionNode union:
                return new UnionType(union.Name.Value) { AstNode = union };
            default:
                return new PassThroughScalar(node.Name.Value) { AstNode = node };
        }
    }
}
