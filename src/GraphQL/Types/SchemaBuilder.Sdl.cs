using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Types;

/// <summary>SDL input for the schema builder (graphql-js buildASTSchema / extendSchema semantics).</summary>
public sealed partial class SchemaBuilder
{
    /// <summary>Adds type-system definitions and extensions written in SDL. Executable definitions are rejected.</summary>
    public SchemaBuilder AddSdl(string sdl) => AddSdl(Parser.Parse(sdl, ParserOptions.Unlimited));

    /// <summary>Adds type-system definitions and extensions from a parsed document.</summary>
    public SchemaBuilder AddSdl(DocumentNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    _schemaNode = schema;
                    _description = schema.Description?.Value ?? _description;
                    ApplyOperationTypes(schema.OperationTypes);
                    break;
                case SchemaExtensionNode extension:
                    _schemaExtensions.Add(extension);
                    ApplyOperationTypes(extension.OperationTypes);
                    break;
                case TypeDefinitionNode typeDefinition:
                    AddType(BuildType(typeDefinition));
                    break;
                case TypeExtensionNode typeExtension:
                    var node = typeExtension;
                    QueueExtension(node.Name.Value, target => ApplyExtension(target, node));
                    break;
                case DirectiveDefinitionNode directive:
                    _directives.Add(BuildDirective(directive));
                    break;
                default:
                    _errors.Add(new GraphQLError("Executable definitions are not allowed in a schema document.", [definition]));
                    break;
            }
        }
        return this;
    }

    private void ApplyOperationTypes(IReadOnlyList<OperationTypeDefinitionNode> operationTypes)
    {
        foreach (var operationType in operationTypes)
        {
            var name = operationType.Type.Name.Value;
            switch (operationType.Operation)
            {
                case OperationType.Query:
                    _queryName = name;
                    break;
                case OperationType.Mutation:
                    _mutationName = name;
                    break;
                default:
                    _subscriptionName = name;
                    break;
            }
        }
    }

    private NamedType BuildType(TypeDefinitionNode node)
    {
        var description = node.Description?.Value;
        switch (node)
        {
            case ObjectTypeDefinitionNode obj:
                var objectType = new ObjectType(obj.Name.Value) { Description = description, AstNode = obj };
                AddFields(objectType, obj.Fields);
                QueueInterfaces(objectType, obj.Interfaces.Select(i => i.Name.Value));
                return objectType;
            case InterfaceTypeDefinitionNode iface:
                var interfaceType = new InterfaceType(iface.Name.Value) { Description = description, AstNode = iface };
                AddFields(interfaceType, iface.Fields);
                QueueInterfaces(interfaceType, iface.Interfaces.Select(i => i.Name.Value));
                return interfaceType;
            case UnionTypeDefinitionNode union:
                var unionType = new UnionType(union.Name.Value) { Description = description, AstNode = union };
                QueueMembers(unionType, union.Types.Select(t => t.Name.Value));
                return unionType;
            case EnumTypeDefinitionNode enumNode:
                var enumType = new EnumType(enumNode.Name.Value) { Description = description, AstNode = enumNode };
                AddEnumValues(enumType, enumNode.Values);
                return enumType;
            case InputObjectTypeDefinitionNode input:
                var inputType = new InputObjectType(input.Name.Value)
                {
                    Description = description,
                    AstNode = input,
                    IsOneOf = input.Directives.Any(d => d.Name.Value == "oneOf"),
                };
                AddInputFields(inputType, input.Fields);
                return inputType;
            case ScalarTypeDefinitionNode scalar:
                var scalarType = _scalarImplementations.GetValueOrDefault(scalar.Name.Value)
                    ?? Scalars.Specified.FirstOrDefault(s => s.Name == scalar.Name.Value)
                    ?? new PassThroughScalar(scalar.Name.Value);
                if (Scalars.IsSpecified(scalarType))
                {
                    // Redefining a specified scalar in SDL keeps the built-in (graphql-js does the same).
                    return scalarType;
                }
                scalarType.Description = description ?? scalarType.Description;
                scalarType.AstNode = scalar;
                scalarType.SpecifiedByUrl = SpecifiedByUrl(scalar.Directives) ?? scalarType.SpecifiedByUrl;
                return scalarType;
            default:
                throw new ArgumentException($"Unknown type definition {node.Kind}.", nameof(node));
        }
    }

    private void ApplyExtension(NamedType target, TypeExtensionNode node)
    {
        target.ExtensionAstNodes.Add(node);
        switch ((target, node))
        {
            case (ObjectType obj, ObjectTypeExtensionNode ext):
                AddFields(obj, ext.Fields);
                QueueInterfaces(obj, ext.Interfaces.Select(i => i.Name.Value));
                break;
            case (InterfaceType iface, InterfaceTypeExtensionNode ext):
                AddFields(iface, ext.Fields);
                QueueInterfaces(iface, ext.Interfaces.Select(i => i.Name.Value));
                break;
            case (UnionType union, UnionTypeExtensionNode ext):
                QueueMembers(union, ext.Types.Select(t => t.Name.Value));
                break;
            case (EnumType enumType, EnumTypeExtensionNode ext):
                AddEnumValues(enumType, ext.Values);
                break;
            case (InputObjectType input, InputObjectTypeExtensionNode ext):
                if (ext.Directives.Any(d => d.Name.Value == "oneOf"))
                {
                    input.IsOneOf = true;
                }
                AddInputFields(input, ext.Fields);
                break;
            case (ScalarType scalar, ScalarTypeExtensionNode ext):
                scalar.SpecifiedByUrl = SpecifiedByUrl(ext.Directives) ?? scalar.SpecifiedByUrl;
                break;
            default:
                _errors.Add(new GraphQLError($"Cannot extend non-{KindName(node)} type \"{target.Name}\".", [node]));
                break;
        }
    }

    private static string KindName(TypeExtensionNode node) => node switch
    {
        ObjectTypeExtensionNode => "object",
        InterfaceTypeExtensionNode => "interface",
        UnionTypeExtensionNode => "union",
        EnumTypeExtensionNode => "enum",
        InputObjectTypeExtensionNode => "input object",
        _ => "scalar",
    };

    private void AddFields(FieldsType type, IReadOnlyList<FieldDefinitionNode> fields)
    {
        foreach (var node in fields)
        {
            if (type.GetField(node.Name.Value) is not null)
            {
                _errors.Add(new GraphQLError($"Field \"{type.Name}.{node.Name.Value}\" can only be defined once.", [node.Name]));
                continue;
            }
            var field = new FieldDefinition(node.Name.Value, new TypeReference(node.Type))
            {
                Description = node.Description?.Value,
                DeprecationReason = DeprecationReason(node.Directives),
                AstNode = node,
            };
            foreach (var argument in node.Arguments)
            {
                field.Arguments.Add(BuildInputValue(argument));
            }
            type.AddField(field);
        }
    }

    private void AddInputFields(InputObjectType type, IReadOnlyList<InputValueDefinitionNode> fields)
    {
        foreach (var node in fields)
        {
            if (type.GetField(node.Name.Value) is not null)
            {
                _errors.Add(new GraphQLError($"Field \"{type.Name}.{node.Name.Value}\" can only be defined once.", [node.Name]));
                continue;
            }
            type.AddField(BuildInputValue(node));
        }
    }

    private void AddEnumValues(EnumType type, IReadOnlyList<EnumValueDefinitionNode> values)
    {
        foreach (var node in values)
        {
            if (type.GetValue(node.Name.Value) is not null)
            {
                _errors.Add(new GraphQLError($"Enum value \"{type.Name}.{node.Name.Value}\" can only be defined once.", [node.Name]));
                continue;
            }
            type.AddValue(new EnumValueDefinition(node.Name.Value, node.Name.Value)
            {
                Description = node.Description?.Value,
                DeprecationReason = DeprecationReason(node.Directives),
                AstNode = node,
            });
        }
    }

    private static InputValueDefinition BuildInputValue(InputValueDefinitionNode node) => new(node.Name.Value, new TypeReference(node.Type))
    {
        Description = node.Description?.Value,
        DeprecationReason = DeprecationReason(node.Directives),
        DefaultValueLiteral = node.DefaultValue,
        AstNode = node,
    };

    private static DirectiveDefinition BuildDirective(DirectiveDefinitionNode node)
    {
        var locations = new List<DirectiveLocation>();
        foreach (var location in node.Locations)
        {
            if (DirectiveLocationNames.TryParse(location.Value, out var parsed))
            {
                locations.Add(parsed);
            }
        }
        var directive = new DirectiveDefinition(node.Name.Value, locations)
        {
            Description = node.Description?.Value,
            IsRepeatable = node.Repeatable,
            AstNode = node,
        };
        foreach (var argument in node.Arguments)
        {
            directive.Arguments.Add(BuildInputValue(argument));
        }
        return directive;
    }

    /// <summary>The reason of an @deprecated application (its default when no reason is given), or null.</summary>
    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        var deprecated = directives.FirstOrDefault(d => d.Name.Value == "deprecated");
        if (deprecated is null)
        {
            return null;
        }
        var reason = deprecated.Arguments.FirstOrDefault(a => a.Name.Value == "reason");
        return reason?.Value switch
        {
            StringValueNode s => s.Value,
            NullValueNode => null,
            _ => BuiltInDirectives.DefaultDeprecationReason,
        };
    }

    private static string? SpecifiedByUrl(IReadOnlyList<DirectiveNode> directives) =>
        directives.FirstOrDefault(d => d.Name.Value == "specifiedBy")?.Arguments.FirstOrDefault(a => a.Name.Value == "url")?.Value is StringValueNode url
            ? url.Value
            : null;
}
