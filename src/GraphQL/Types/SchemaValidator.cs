using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Types;

/// <summary>
/// The type system rules of the spec (graphql-js <c>validateSchema</c>): root types, names, fields,
/// arguments, interface implementation (including interfaces implementing interfaces), unions, enums,
/// input objects, <c>@oneOf</c> and non-null input cycles. Messages are graphql-js's, naming type and field.
/// </summary>
public static class SchemaValidator
{
    /// <summary>Returns every rule violation, in graphql-js order (empty when the schema is valid).</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<GraphQLError>();
        void Report(string message, params Node?[] nodes) =>
            errors.Add(new GraphQLError(message, nodes.Where(n => n is not null).Cast<Node>().ToArray()));

        foreach (var name in schema.TypeNameCollisions)
        {
            Report($"Schema must contain uniquely named types but contains multiple types named \"{name}\".");
        }

        if (schema.QueryType is null)
        {
            Report("Query root type must be provided.", schema.AstNode);
        }

        foreach (var directive in schema.Directives)
        {
            ValidateName(directive.Name, "@" + directive.Name, directive.AstNode, Report);
            if (directive.Locations.Count == 0)
            {
                Report($"Directive @{directive.Name} must include 1 or more locations.", directive.AstNode);
            }
            ValidateArgumentNamesUnique("@" + directive.Name, directive.Arguments, Report);
            foreach (var argument in directive.Arguments)
            {
                ValidateName(argument.Name, $"@{directive.Name}({argument.Name}:)", argument.AstNode, Report);
                if (!argument.Type.IsInputType)
                {
                    Report($"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.", argument.AstNode);
                }
                if (IsRequired(argument) && argument.DeprecationReason is not null)
                {
                    Report($"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.", DeprecatedNode(argument.AstNode?.Directives), argument.AstNode?.Type);
                }
            }
        }

        var cycles = new InputCycleDetector(Report);
        foreach (var type in schema.Types.Values)
        {
            if (!type.IsIntrospectionType)
            {
                ValidateName(type.Name, type.Name, type.AstNode, Report);
            }
            switch (type)
            {
                case ObjectType or InterfaceType:
                    ValidateFields((FieldsType)type, Report);
                    ValidateInterfaces(schema, (FieldsType)type, Report);
                    break;
                case UnionType union:
                    if (union.Types.Count == 0)
                    {
                        Report($"Union type {union.Name} must define one or more member types.", AllNodes(union));
                    }
                    var members = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var member in union.Types)
                    {
                        if (!members.Add(member.Name))
                        {
                            Report($"Union type {union.Name} can only include type {member.Name} once.", UnionMemberNodes(union, member.Name));
                        }
                    }
                    break;
                case EnumType enumType:
                    if (enumType.Values.Count == 0)
                    {
                        Report($"Enum type {enumType.Name} must define one or more values.", AllNodes(enumType));
                    }
                    var values = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var value in enumType.Values)
                    {
                        ValidateName(value.Name, $"{enumType.Name}.{value.Name}", value.AstNode, Report);
                        if (value.Name is "true" or "false" or "null")
                        {
                            Report($"Enum values cannot be named: {value.Name} (in enum {enumType.Name}).", value.AstNode);
                        }
                        if (!values.Add(value.Name))
                        {
                            Report($"Enum value \"{enumType.Name}.{value.Name}\" can only be defined once.", value.AstNode);
                        }
                    }
                    break;
                case InputObjectType input:
                    ValidateInputFields(input, Report);
                    cycles.Detect(input);
                    break;
            }
        }
        return errors;
    }

    /// <summary>Validates and throws <see cref="SchemaValidationException"/> when there is any error.</summary>
    public static void ThrowIfInvalid(Schema schema)
    {
        var errors = Validate(schema);
        if (errors.Count > 0)
        {
            throw new SchemaValidationException(errors);
        }
    }

    /// <summary>True when <paramref name="maybeSubType"/> can be used where <paramref name="superType"/> is expected (covariant output types).</summary>
    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (GraphQLType.IsEqualType(maybeSubType, superType))
        {
            return true;
        }
        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }
        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }
        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }
        if (maybeSubType is ListType)
        {
            return false;
        }
        return superType is NamedType { IsAbstractType: true } abstractType
            && maybeSubType is InterfaceType or ObjectType
            && schema.IsSubType(abstractType, (NamedType)maybeSubType);
    }

    private static Node?[] AllNodes(NamedType type) => [type.AstNode, .. type.ExtensionAstNodes];

    private static Node? DeprecatedNode(IReadOnlyList<DirectiveNode>? directives) =>
        directives?.FirstOrDefault(d => d.Name.Value == "deprecated");

    private static Node?[] ImplementsNodes(FieldsType type, string interfaceName)
    {
        IEnumerable<NamedTypeNode> Interfaces(Node? node) => node switch
        {
            ObjectTypeDefinitionNode o => o.Interfaces,
            InterfaceTypeDefinitionNode i => i.Interfaces,
            ObjectTypeExtensionNode o => o.Interfaces,
            InterfaceTypeExtensionNode i => i.Interfaces,
            _ => [],
        };
        return AllNodes(type).SelectMany(Interfaces).Where(n => n.Name.Value == interfaceName).Cast<Node?>().ToArray();
    }

    private static Node?[] UnionMemberNodes(UnionType union, string memberName)
    {
        IEnumerable<NamedTypeNode> Members(Node? node) => node switch
        {
            UnionTypeDefinitionNode u => u.Types,
            UnionTypeExtensionNode u => u.Types,
            _ => [],
        };
        return AllNodes(union).SelectMany(Members).Where(n => n.Name.Value == memberName).Cast<Node?>().ToArray();
    }

    private static bool IsRequired(InputValueDefinition value) => value.Type is NonNullType && !value.HasDefaultValue;

    /// <summary>
    /// Names follow the spec's Name grammar. SDL cannot break it (the parser would not accept the document), but
    /// code-first names are plain strings, so a typo like "order-count" must fail here rather than in every client.
    /// </summary>
    private static void ValidateName(string name, string coordinate, Node? node, Action<string, Node?[]> report)
    {
        var suffix = coordinate == name ? string.Empty : $" (in {coordinate})";
        if (name.Length == 0)
        {
            report($"Expected name to be a non-empty string{suffix}.", [node]);
            return;
        }
        if (!IsNameStart(name[0]))
        {
            report($"Names must start with [_a-zA-Z] but \"{name}\" does not{suffix}.", [node]);
            return;
        }
        foreach (var c in name)
        {
            if (!IsNameStart(c) && c is not (>= '0' and <= '9'))
            {
                report($"Names must only contain [_a-zA-Z0-9] but \"{name}\" does not{suffix}.", [node]);
                return;
            }
        }
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            report($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", [node]);
        }
    }

    private static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    /// <summary>Arguments are a list (unlike fields), so code-first can declare one twice; SDL is caught by its own rule first.</summary>
    private static void ValidateArgumentNamesUnique(string parent, IEnumerable<InputValueDefinition> arguments, Action<string, Node?[]> report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (!seen.Add(argument.Name))
            {
                report($"Argument \"{parent}({argument.Name}:)\" can only be defined once.", [argument.AstNode]);
            }
        }
    }

    private static void ValidateFields(FieldsType type, Action<string, Node?[]> report)
    {
        if (type.Fields.Count == 0)
        {
            report($"Type {type.Name} must define one or more fields.", AllNodes(type));
        }
        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, $"{type.Name}.{field.Name}", field.AstNode, report);
            if (!field.Type.IsOutputType)
            {
                report($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", [field.AstNode?.Type]);
            }
            ValidateArgumentNamesUnique($"{type.Name}.{field.Name}", field.Arguments, report);
            foreach (var argument in field.Arguments)
            {
                ValidateName(argument.Name, $"{type.Name}.{field.Name}({argument.Name}:)", argument.AstNode, report);
                if (!argument.Type.IsInputType)
                {
                    report($"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.", [argument.AstNode?.Type]);
                }
                if (IsRequired(argument) && argument.DeprecationReason is not null)
                {
                    report($"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.", [DeprecatedNode(argument.AstNode?.Directives), argument.AstNode?.Type]);
                }
            }
        }
    }

    private static void ValidateInterfaces(Schema schema, FieldsType type, Action<string, Node?[]> report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                report($"Type {type.Name} cannot implement itself because it would create a circular reference.", ImplementsNodes(type, iface.Name));
                continue;
            }
            if (!seen.Add(iface.Name))
            {
                report($"Type {type.Name} can only implement {iface.Name} once.", ImplementsNodes(type, iface.Name));
                continue;
            }
            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Interfaces.Contains(transitive))
                {
                    report(
                        ReferenceEquals(transitive, type)
                            ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                            : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.",
                        [.. ImplementsNodes(iface, transitive.Name), .. ImplementsNodes(type, iface.Name)]);
                }
            }
            foreach (var ifaceField in iface.Fields)
            {
                var typeField = type.GetField(ifaceField.Name);
                if (typeField is null)
                {
                    report($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.", [ifaceField.AstNode, .. AllNodes(type)]);
                    continue;
                }
                if (!IsTypeSubTypeOf(schema, typeField.Type, ifaceField.Type))
                {
                    report(
                        $"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{ifaceField.Name} is type {typeField.Type}.",
                        [ifaceField.AstNode?.Type, typeField.AstNode?.Type]);
                }
                foreach (var ifaceArg in ifaceField.Arguments)
                {
                    var typeArg = typeField.GetArgument(ifaceArg.Name);
                    if (typeArg is null)
                    {
                        report(
                            $"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expected but {type.Name}.{ifaceField.Name} does not provide it.",
                            [ifaceArg.AstNode, typeField.AstNode]);
                        continue;
                    }
                    if (!GraphQLType.IsEqualType(ifaceArg.Type, typeArg.Type))
                    {
                        report(
                            $"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expects type {ifaceArg.Type} but {type.Name}.{ifaceField.Name}({ifaceArg.Name}:) is type {typeArg.Type}.",
                            [ifaceArg.AstNode?.Type, typeArg.AstNode?.Type]);
                    }
                }
                foreach (var typeArg in typeField.Arguments)
                {
                    if (ifaceField.GetArgument(typeArg.Name) is null && IsRequired(typeArg))
                    {
                        report(
                            $"Object field {type.Name}.{ifaceField.Name} includes required argument {typeArg.Name} that is missing from the Interface field {iface.Name}.{ifaceField.Name}.",
                            [typeArg.AstNode, ifaceField.AstNode]);
                    }
                }
            }
        }
    }

    private static void ValidateInputFields(InputObjectType input, Action<string, Node?[]> report)
    {
        if (input.Fields.Count == 0)
        {
            report($"Input Object type {input.Name} must define one or more fields.", AllNodes(input));
        }
        foreach (var field in input.Fields)
        {
            ValidateName(field.Name, $"{input.Name}.{field.Name}", field.AstNode, report);
            if (!field.Type.IsInputType)
            {
                report($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", [field.AstNode?.Type]);
            }
            if (IsRequired(field) && field.DeprecationReason is not null)
            {
                report($"Required input field {input.Name}.{field.Name} cannot be deprecated.", [DeprecatedNode(field.AstNode?.Directives), field.AstNode?.Type]);
            }
            if (input.IsOneOf)
            {
                if (field.Type is NonNullType)
                {
                    report($"OneOf input field {input.Name}.{field.Name} must be nullable.", [field.AstNode?.Type]);
                }
                if (field.HasDefaultValue)
                {
                    report($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", [field.AstNode]);
                }
            }
        }
    }

    /// <summary>Finds cycles of non-null input object fields, which no finite value could satisfy.</summary>
    private sealed class InputCycleDetector(Action<string, Node?[]> report)
    {
        private readonly HashSet<InputObjectType> _visited = [];
        private readonly List<InputValueDefinition> _fieldPath = [];
        private readonly Dictionary<string, int> _pathIndexByTypeName = new(StringComparer.Ordinal);

        public void Detect(InputObjectType input)
        {
            if (!_visited.Add(input))
            {
                return;
            }
            _pathIndexByTypeName[input.Name] = _fieldPath.Count;
            foreach (var field in input.Fields)
            {
                if (field.Type is NonNullType { OfType: InputObjectType fieldType })
                {
                    _fieldPath.Add(field);
                    if (!_pathIndexByTypeName.TryGetValue(fieldType.Name, out var cycleIndex))
                    {
                        Detect(fieldType);
                    }
                    else
                    {
                        var cycle = _fieldPath.Skip(cycleIndex).ToList();
                        report(
                            $"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{string.Join('.', cycle.Select(f => f.Name))}\".",
                            cycle.Select(f => (Node?)f.AstNode).ToArray());
                    }
                    _fieldPath.RemoveAt(_fieldPath.Count - 1);
                }
            }
            _pathIndexByTypeName.Remove(input.Name);
        }
    }
}
