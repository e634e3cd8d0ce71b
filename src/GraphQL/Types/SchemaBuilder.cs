using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> code first, from SDL, or both. Types refer to each other by name, so a module
/// can use or extend (<see cref="ExtendObject{TSource}"/>) a type another module defines without referencing
/// its classes; references and extensions are resolved in <see cref="Build()"/>, which then validates the whole
/// schema and throws <see cref="SchemaValidationException"/> listing every problem.
/// </summary>
public sealed partial class SchemaBuilder
{
    private readonly List<NamedType> _types = [];
    private readonly Dictionary<string, NamedType> _typesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScalarType> _scalarImplementations = new(StringComparer.Ordinal);
    private readonly List<DirectiveDefinition> _directives = [];
    private readonly List<(string TypeName, Action<NamedType> Apply)> _extensions = [];
    private readonly List<(string TypeName, string FieldName, FieldResolver Resolver)> _resolvers = [];
    private readonly Dictionary<FieldsType, List<string>> _pendingInterfaces = [];
    private readonly Dictionary<UnionType, List<string>> _pendingMembers = [];
    private readonly List<FieldMiddleware> _middleware = [];
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<Type, string> _clrTypeNames = [];
    private string? _queryName;
    private string? _mutationName;
    private string? _subscriptionName;
    private string? _description;
    private SchemaDefinitionNode? _schemaNode;
    private readonly List<SchemaExtensionNode> _schemaExtensions = [];

    /// <summary>Creates an empty builder (built-in scalars and directives are always available).</summary>
    public SchemaBuilder()
    {
        foreach (var scalar in Scalars.Extended)
        {
            _scalarImplementations[scalar.Name] = scalar;
        }
    }

    /// <summary>Builds a schema from SDL alone (graphql-js <c>buildSchema</c>); fields use the default resolver.</summary>
    public static Schema FromSdl(string sdl) => FromSdl(sdl, validate: true);

    /// <summary>
    /// Builds a schema from SDL. With <paramref name="validate"/> the SDL rules run first (graphql-js
    /// assertValidSDL: unique names, known types and directives, possible extensions, ...) and then the type
    /// system rules; without, neither does (see <see cref="Build(bool)"/>).
    /// </summary>
    public static Schema FromSdl(string sdl, bool validate)
    {
        var document = Parser.Parse(sdl, ParserOptions.Unlimited);
        if (validate)
        {
            var errors = Validation.DocumentValidator.ValidateSdl(document);
            if (errors.Count > 0)
            {
                throw new SchemaValidationException(errors);
            }
        }
        return new SchemaBuilder().AddSdl(document).Build(validate);
    }

    /// <summary>Names the query root type (default: "Query" when such a type exists).</summary>
    public SchemaBuilder Query(string typeName = "Query")
    {
        _queryName = typeName;
        return this;
    }

    /// <summary>Names the mutation root type (default: "Mutation" when such a type exists).</summary>
    public SchemaBuilder Mutation(string typeName = "Mutation")
    {
        _mutationName = typeName;
        return this;
    }

    /// <summary>Names the subscription root type (default: "Subscription" when such a type exists).</summary>
    public SchemaBuilder Subscription(string typeName = "Subscription")
    {
        _subscriptionName = typeName;
        return this;
    }

    /// <summary>Sets the schema description.</summary>
    public SchemaBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Adds middleware around every resolver (first added = outermost).</summary>
    public SchemaBuilder UseFieldMiddleware(FieldMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Registers a scalar implementation; SDL <c>scalar Name</c> declarations bind to it.</summary>
    public SchemaBuilder Scalar(ScalarType scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        _scalarImplementations[scalar.Name] = scalar;
        AddType(scalar);
        return this;
    }

    /// <summary>Adds a custom directive definition.</summary>
    public SchemaBuilder Directive(DirectiveDefinition directive)
    {
        ArgumentNullException.ThrowIfNull(directive);
        _directives.Add(directive);
        return this;
    }

    /// <summary>Adds an already constructed type (fields may use <see cref="Ref"/> placeholders).</summary>
    public SchemaBuilder AddType(NamedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_typesByName.TryGetValue(type.Name, out var existing))
        {
            if (!ReferenceEquals(existing, type))
            {
                _errors.Add(new GraphQLError($"There can be only one type named \"{type.Name}\".", type.AstNode is null ? null : [type.AstNode]));
            }
            return this;
        }
        _types.Add(type);
        _typesByName[type.Name] = type;
        return this;
    }

    /// <summary>Binds a resolver to a field defined anywhere (code or SDL), by type and field name.</summary>
    public SchemaBuilder Resolve(string typeName, string fieldName, FieldResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolvers.Add((typeName, fieldName, resolver));
        return this;
    }

    /// <summary>A placeholder for a type written as SDL (e.g. <c>"[Customer!]!"</c>), resolved at build time.</summary>
    public static GraphQLType Ref(string typeReference) => new TypeReference(Parser.ParseType(typeReference));

    /// <summary>
    /// Builds, resolves references and extensions, coerces default values, applies middleware and validates.
    /// </summary>
    public Schema Build() => Build(validate: true);

    /// <summary>
    /// Builds; with <paramref name="validate"/> false the type system rules are not checked (graphql-js
    /// <c>buildSchema</c> semantics, for tools and conformance tests working with deliberately incomplete schemas;
    /// <see cref="Schema.QueryType"/> may then be null). Unknown type references are still errors.
    /// </summary>
    public Schema Build(bool validate)
    {
        var missing = new List<GraphQLError>();
        foreach (var (typeName, apply) in _extensions.ToList())
        {
            if (_typesByName.TryGetValue(typeName, out var target))
            {
                apply(target);
            }
            else
            {
                missing.Add(new GraphQLError($"Cannot extend type \"{typeName}\" because it is not defined."));
            }
        }
        _extensions.Clear();
        var errors = new List<GraphQLError>(_errors);
        errors.AddRange(missing);

        foreach (var (type, names) in _pendingInterfaces)
        {
            foreach (var name in names)
            {
                switch (Lookup(name, errors))
                {
                    case InterfaceType iface:
                        type.Interfaces.Add(iface);
                        break;
                    case { } other:
                        errors.Add(new GraphQLError($"Type {type.Name} must only implement Interface types, it cannot implement {other.Name}.", type.AstNode is null ? null : [type.AstNode]));
                        break;
                }
            }
        }
        _pendingInterfaces.Clear();
        foreach (var (union, names) in _pendingMembers)
        {
            foreach (var name in names)
            {
                switch (Lookup(name, errors))
                {
                    case ObjectType member:
                        union.Types.Add(member);
                        break;
                    case { } other:
                        errors.Add(new GraphQLError($"Union type {union.Name} can only include Object types, it cannot include {other.Name}.", union.AstNode is null ? null : [union.AstNode]));
                        break;
                }
            }
        }
        _pendingMembers.Clear();

        foreach (var type in _types.ToList())
        {
            switch (type)
            {
                case FieldsType fields:
                    foreach (var field in fields.Fields)
                    {
                        field.Type = ResolveReference(field.Type, errors);
                        ResolveArguments(field.Arguments, errors);
                    }
                    break;
                case InputObjectType input:
                    foreach (var field in input.Fields)
                    {
                        field.Type = ResolveReference(field.Type, errors);
                    }
                    break;
            }
        }
        // Like graphql-js buildASTSchema: declared directives first, then the built-ins not redeclared.
        var directives = new List<DirectiveDefinition>();
        foreach (var directive in _directives)
        {
            ResolveArguments(directive.Arguments, errors);
            directives.Add(directive);
        }
        foreach (var builtIn in BuiltInDirectives.All)
        {
            if (_directives.All(d => d.Name != builtIn.Name))
            {
                directives.Add(builtIn);
            }
        }

        // Default values written as literals (SDL) are coerced once all types are known; input object field
        // defaults first (depth first), because a literal default fills in nested defaults it leaves out.
        var coercedInputs = new HashSet<InputObjectType>();
        foreach (var type in _types.ToList())
        {
            switch (type)
            {
                case FieldsType fields:
                    foreach (var field in fields.Fields)
                    {
                        CoerceDefaults(field.Arguments, coercedInputs, errors);
                    }
                    break;
                case InputObjectType input:
                    EnsureInputDefaults(input, coercedInputs, errors);
                    break;
            }
        }
        foreach (var directive in _directives)
        {
            CoerceDefaults(directive.Arguments, coercedInputs, errors);
        }

        foreach (var (typeName, fieldName, resolver) in _resolvers)
        {
            if (_typesByName.GetValueOrDefault(typeName) is FieldsType fieldsType && fieldsType.GetField(fieldName) is { } field)
            {
                field.Resolver = resolver;
            }
            else
            {
                errors.Add(new GraphQLError($"Cannot bind a resolver to {typeName}.{fieldName}: no such field."));
            }
        }

        if (errors.Count > 0)
        {
            throw new SchemaValidationException(errors);
        }

        var query = RootType(_queryName, "Query", errors);
        var mutation = RootType(_mutationName, "Mutation", errors);
        var subscription = RootType(_subscriptionName, "Subscription", errors);
        if (errors.Count > 0 && validate)
        {
            throw new SchemaValidationException(errors);
        }

        if (_middleware.Count > 0)
        {
            foreach (var type in _types.OfType<ObjectType>())
            {
                foreach (var field in type.Fields)
                {
                    var resolver = field.Resolver ?? DefaultResolver.For(field);
                    for (var i = _middleware.Count - 1; i >= 0; i--)
                    {
                        resolver = _middleware[i](field, resolver);
                    }
                    field.Resolver = resolver;
                }
            }
        }

        var schema = new Schema(query, mutation, subscription, _types, directives)
        {
            Description = _description,
            AstNode = _schemaNode,
            FieldMiddleware = [.. _middleware],
        };
        foreach (var extension in _schemaExtensions)
        {
            schema.ExtensionAstNodes.Add(extension);
        }
        if (validate)
        {
            SchemaValidator.ThrowIfInvalid(schema);
        }
        return schema;
    }

    internal void RegisterClrType(Type clrType, string graphQLName) => _clrTypeNames.TryAdd(clrType, graphQLName);

    internal string? GraphQLNameOf(Type clrType) => _clrTypeNames.GetValueOrDefault(clrType);

    internal void QueueInterfaces(FieldsType type, IEnumerable<string> names)
    {
        if (!_pendingInterfaces.TryGetValue(type, out var list))
        {
            _pendingInterfaces[type] = list = [];
        }
        list.AddRange(names);
    }

    internal void QueueMembers(UnionType union, IEnumerable<string> names)
    {
        if (!_pendingMembers.TryGetValue(union, out var list))
        {
            _pendingMembers[union] = list = [];
        }
        list.AddRange(names);
    }

    internal void QueueExtension(string typeName, Action<NamedType> apply) => _extensions.Add((typeName, apply));

    internal void AddError(GraphQLError error) => _errors.Add(error);

    private ObjectType? RootType(string? explicitName, string conventionalName, List<GraphQLError> errors)
    {
        var name = explicitName ?? conventionalName;
        if (!_typesByName.TryGetValue(name, out var type))
        {
            if (explicitName is not null)
            {
                errors.Add(new GraphQLError($"Unknown type: \"{explicitName}\"."));
            }
            return null;
        }
        if (type is ObjectType obj)
        {
            return obj;
        }
        if (explicitName is null)
        {
            return null;
        }
        var label = conventionalName == "Query" ? "Query root type must be Object type, it cannot be " : $"{conventionalName} root type must be Object type if provided, it cannot be ";
        errors.Add(new GraphQLError(label + type.Name + "."));
        return null;
    }

    private NamedType? Lookup(string name, List<GraphQLError> errors)
    {
        if (_typesByName.TryGetValue(name, out var type))
        {
            return type;
        }
        var builtIn = Scalars.Specified.FirstOrDefault(s => s.Name == name)
            ?? (name.StartsWith("__", StringComparison.Ordinal) ? IntrospectionType(name) : null);
        if (builtIn is not null)
        {
            return builtIn;
        }
        if (_scalarImplementations.TryGetValue(name, out var scalar))
        {
            // DateTime, Date, Decimal and Long join the schema only through the fields that use them, so they
            // appear in the type map where they are first referenced.
            return scalar;
        }
        errors.Add(new GraphQLError($"Unknown type: \"{name}\"."));
        return null;
    }

    private static NamedType? IntrospectionType(string name) => name switch
    {
        "__Schema" => Introspection.SchemaType,
        "__Type" => Introspection.TypeType,
        "__Field" => Introspection.FieldType,
        "__InputValue" => Introspection.InputValueType,
        "__EnumValue" => Introspection.EnumValueType,
        "__Directive" => Introspection.DirectiveType,
        "__TypeKind" => Introspection.TypeKindType,
        "__DirectiveLocation" => Introspection.DirectiveLocationType,
        _ => null,
    };

    private GraphQLType ResolveReference(GraphQLType type, List<GraphQLError> errors)
    {
        switch (type)
        {
            case TypeReference reference:
                return FromNode(reference.Node, errors) ?? Scalars.String;
            case ListType list:
                var item = ResolveReference(list.OfType, errors);
                return ReferenceEquals(item, list.OfType) ? list : new ListType(item);
            case NonNullType nonNull:
                var inner = ResolveReference(nonNull.OfType, errors);
                return ReferenceEquals(inner, nonNull.OfType) ? nonNull : new NonNullType(inner);
            case NamedType named:
                if (!_typesByName.ContainsKey(named.Name) && !Scalars.IsSpecified(named) && !Scalars.Extended.Contains(named) && !named.IsIntrospectionType)
                {
                    AddType(named);
                }
                return named;
            default:
                return type;
        }
    }

    private GraphQLType? FromNode(TypeNode node, List<GraphQLError> errors) => node switch
    {
        NamedTypeNode named => Lookup(named.Name.Value, errors),
        ListTypeNode list => FromNode(list.Type, errors) is { } item ? new ListType(item) : null,
        NonNullTypeNode nonNull => FromNode(nonNull.Type, errors) is { } inner ? new NonNullType(inner) : null,
        _ => null,
    };

    private void ResolveArguments(IList<InputValueDefinition> arguments, List<GraphQLError> errors)
    {
        foreach (var argument in arguments)
        {
            argument.Type = ResolveReference(argument.Type, errors);
        }
    }

    private static void EnsureInputDefaults(InputObjectType input, HashSet<InputObjectType> done, List<GraphQLError> errors)
    {
        if (!done.Add(input))
        {
            return;
        }
        CoerceDefaults(input.Fields, done, errors);
    }

    private static void CoerceDefaults(IEnumerable<InputValueDefinition> values, HashSet<InputObjectType> done, List<GraphQLError> errors)
    {
        foreach (var value in values)
        {
            if (!value.Type.IsInputType)
            {
                continue;
            }
            if (value.Type.NamedType is InputObjectType nested)
            {
                EnsureInputDefaults(nested, done, errors);
            }
            if (value.DefaultValueLiteral is not { } literal || value.HasDefaultValue)
            {
                continue;
            }
            if (ValueCoercion.ValueFromAst(literal, value.Type, null, out var coerced))
            {
                value.DefaultValue = coerced;
            }
            else
            {
                errors.Add(new GraphQLError($"Invalid default value {Printer.Print(literal)} for \"{value.Name}\" of type \"{value.Type}\".", [literal]));
            }
        }
    }
}
