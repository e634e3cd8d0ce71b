using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Types;

/// <summary>
/// A validated, immutable-in-use schema: root types, the type map (every reachable named type, including the
/// introspection types), directives, and precomputed possible-type sets for abstract types. Build one with
/// <see cref="SchemaBuilder"/> (code first, SDL or both); both validate it (spec "Type
/// System" rules) and throw <see cref="SchemaValidationException"/> listing every problem.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _types;
    private readonly Dictionary<string, DirectiveDefinition> _directives;
    private readonly Dictionary<NamedType, List<ObjectType>> _possibleTypes = [];
    private readonly Dictionary<InterfaceType, List<InterfaceType>> _interfaceImplementations = [];
    private readonly Dictionary<NamedType, HashSet<NamedType>> _subTypes = [];

    /// <summary>Assembles a schema from its parts; call <see cref="SchemaValidator.Validate"/> to check it.</summary>
    public Schema(
        ObjectType? queryType,
        ObjectType? mutationType = null,
        ObjectType? subscriptionType = null,
        IEnumerable<NamedType>? types = null,
        IEnumerable<DirectiveDefinition>? directives = null)
    {
        QueryType = queryType!;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        Directives = directives?.ToList() ?? [.. BuiltInDirectives.All];
        _directives = new Dictionary<string, DirectiveDefinition>(StringComparer.Ordinal);
        foreach (var directive in Directives)
        {
            _directives.TryAdd(directive.Name, directive);
        }

        // Type map order follows graphql-js's GraphQLSchema constructor exactly (given types first, each followed
        // by the new types it references depth-first; then roots, directive arguments and introspection), so
        // introspection lists types in the same order as the reference implementation.
        _types = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        var given = types?.ToList() ?? [];
        var collector = new TypeCollector(_types, TypeNameCollisions, given);
        foreach (var type in given)
        {
            collector.AddGiven(type);
        }
        if (queryType is not null)
        {
            collector.Add(queryType);
        }
        if (mutationType is not null)
        {
            collector.Add(mutationType);
        }
        if (subscriptionType is not null)
        {
            collector.Add(subscriptionType);
        }
        foreach (var directive in Directives)
        {
            foreach (var argument in directive.Arguments)
            {
                collector.Add(argument.Type.NamedType);
            }
        }
        collector.Add(Introspection.SchemaType);

        foreach (var type in _types.Values)
        {
            switch (type)
            {
                case UnionType union:
                    _possibleTypes[union] = [.. union.Types];
                    break;
                case ObjectType obj:
                    foreach (var iface in obj.Interfaces)
                    {
                        if (!_possibleTypes.TryGetValue(iface, out var list))
                        {
                            _possibleTypes[iface] = list = [];
                        }
                        list.Add(obj);
                    }
                    break;
                case InterfaceType iface:
                    foreach (var parent in iface.Interfaces)
                    {
                        if (!_interfaceImplementations.TryGetValue(parent, out var list))
                        {
                            _interfaceImplementations[parent] = list = [];
                        }
                        list.Add(iface);
                    }
                    break;
            }
        }
    }

    /// <summary>The query root type.</summary>
    public ObjectType QueryType { get; }

    /// <summary>The mutation root type, or null.</summary>
    public ObjectType? MutationType { get; }

    /// <summary>The subscription root type, or null.</summary>
    public ObjectType? SubscriptionType { get; }

    /// <summary>The schema description, or null.</summary>
    public string? Description { get; set; }

    /// <summary>The SDL schema definition, if any.</summary>
    public SchemaDefinitionNode? AstNode { get; set; }

    /// <summary>SDL schema extensions, if any.</summary>
    public IList<SchemaExtensionNode> ExtensionAstNodes { get; } = [];

    /// <summary>Every named type, in discovery order (roots first, then the order types were added).</summary>
    public IReadOnlyDictionary<string, NamedType> Types => _types;

    /// <summary>The directives, built-ins first.</summary>
    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    /// <summary>Middleware wrapped around every resolver (applied in order, outermost first).</summary>
    public IReadOnlyList<FieldMiddleware> FieldMiddleware { get; init; } = [];

    /// <summary>Names that two different type instances claimed (reported by schema validation).</summary>
    internal List<string> TypeNameCollisions { get; } = [];

    /// <summary>The root type of an operation, or null when the schema has none.</summary>
    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>Looks up a named type.</summary>
    public NamedType? GetType(string name) => _types.GetValueOrDefault(name);

    /// <summary>Looks up a directive.</summary>
    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    /// <summary>The object types an abstract type can be at runtime (union members / interface implementations).</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) =>
        abstractType is ObjectType obj ? [obj] : _possibleTypes.TryGetValue(abstractType, out var list) ? list : [];

    /// <summary>The interfaces that implement <paramref name="iface"/>.</summary>
    public IReadOnlyList<InterfaceType> GetInterfaceImplementations(InterfaceType iface) =>
        _interfaceImplementations.TryGetValue(iface, out var list) ? list : [];

    /// <summary>True when <paramref name="possibleType"/> is a possible runtime type of <paramref name="abstractType"/>.</summary>
    public bool IsPossibleType(NamedType abstractType, ObjectType possibleType) => IsSubType(abstractType, possibleType);

    /// <summary>True when <paramref name="maybeSubType"/> is a member/implementation of <paramref name="abstractType"/>.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType)
    {
        ArgumentNullException.ThrowIfNull(abstractType);
        ArgumentNullException.ThrowIfNull(maybeSubType);
        HashSet<NamedType>? set;
        lock (_subTypes)
        {
            if (!_subTypes.TryGetValue(abstractType, out set))
            {
                set = [];
                if (abstractType is UnionType union)
                {
                    set.UnionWith(union.Types);
                }
                else if (abstractType is InterfaceType iface)
                {
                    set.UnionWith(GetPossibleTypes(iface));
                    set.UnionWith(GetInterfaceImplementations(iface));
                }
                _subTypes[abstractType] = set;
            }
        }
        return set.Contains(maybeSubType);
    }

    /// <summary>Whether two composite types can share a runtime object (spec "type overlap" used by validation).</summary>
    public bool DoTypesOverlap(NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a.IsAbstractType)
        {
            if (b.IsAbstractType)
            {
                return GetPossibleTypes(a).Any(t => IsSubType(b, t));
            }
            return IsSubType(a, b);
        }
        if (b.IsAbstractType)
        {
            return IsSubType(b, a);
        }
        return false;
    }

    /// <summary>Walks every type reachable from the roots, recording name collisions between different instances.</summary>
    private sealed class TypeCollector
    {
        private readonly Dictionary<string, NamedType> _types;
        private readonly List<string> _collisions;
        private readonly HashSet<NamedType> _pending;

        public TypeCollector(Dictionary<string, NamedType> types, List<string> collisions, List<NamedType> given)
        {
            _types = types;
            _collisions = collisions;
            _pending = [.. given];
        }

        public void AddGiven(NamedType type)
        {
            _pending.Remove(type);
            Add(type);
        }

        public void Add(NamedType type)
        {
            if (_pending.Contains(type))
            {
                return;
            }
            if (_types.TryGetValue(type.Name, out var existing))
            {
                if (!ReferenceEquals(existing, type) && !_collisions.Contains(type.Name))
                {
                    _collisions.Add(type.Name);
                }
                return;
            }
            _types[type.Name] = type;
            switch (type)
            {
                case FieldsType fields:
                    foreach (var iface in fields.Interfaces)
                    {
                        Add(iface);
                    }
                    foreach (var field in fields.Fields)
                    {
                        Add(field.Type.NamedType);
                        foreach (var argument in field.Arguments)
                        {
                            Add(argument.Type.NamedType);
                        }
                    }
                    break;
                case UnionType union:
                    foreach (var member in union.Types)
                    {
                        Add(member);
                    }
                    break;
                case InputObjectType input:
                    foreach (var field in input.Fields)
                    {
                        Add(field.Type.NamedType);
                    }
                    break;
            }
        }
    }
}

/// <summary>Thrown when a schema breaks the type system rules; lists every error found.</summary>
public sealed class SchemaValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaValidationException(IReadOnlyList<GraphQLError> errors)
        : base(errors is null ? "Invalid schema." : "Invalid schema:\n" + string.Join("\n", errors.Select(e => e.Message)))
    {
        Errors = errors ?? [];
    }

    /// <summary>Required by CA1032.</summary>
    public SchemaValidationException()
        : this([])
    {
    }

    /// <summary>Required by CA1032.</summary>
    public SchemaValidationException(string message)
        : base(message)
    {
        Errors = [new GraphQLError(message)];
    }

    /// <summary>Required by CA1032.</summary>
    public SchemaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new GraphQLError(message)];
    }

    /// <summary>The errors, in graphql-js validateSchema order.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }
}
