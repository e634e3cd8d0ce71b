using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Types;

/// <summary>
/// The introspection system (spec §4): the <c>__Schema</c>, <c>__Type</c>, ... types with their resolvers, and
/// the meta-fields <c>__schema</c>, <c>__type</c> and <c>__typename</c>. Field lists, order and descriptions
/// mirror graphql-js 16.15, so introspection results compare byte for byte.
/// </summary>
public static class Introspection
{
    static Introspection()
    {
        TypeKindType = new EnumType("__TypeKind") { Description = "An enum describing what kind of type a given `__Type` is." };
        AddKind(TypeKind.Scalar, "SCALAR", "Indicates this type is a scalar.");
        AddKind(TypeKind.Object, "OBJECT", "Indicates this type is an object. `fields` and `interfaces` are valid fields.");
        AddKind(TypeKind.Interface, "INTERFACE", "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields.");
        AddKind(TypeKind.Union, "UNION", "Indicates this type is a union. `possibleTypes` is a valid field.");
        AddKind(TypeKind.Enum, "ENUM", "Indicates this type is an enum. `enumValues` is a valid field.");
        AddKind(TypeKind.InputObject, "INPUT_OBJECT", "Indicates this type is an input object. `inputFields` is a valid field.");
        AddKind(TypeKind.List, "LIST", "Indicates this type is a list. `ofType` is a valid field.");
        AddKind(TypeKind.NonNull, "NON_NULL", "Indicates this type is a non-null. `ofType` is a valid field.");

        DirectiveLocationType = new EnumType("__DirectiveLocation")
        {
            Description = "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
        };
        string[] locationDescriptions =
        [
            "Location adjacent to a query operation.", "Location adjacent to a mutation operation.",
            "Location adjacent to a subscription operation.", "Location adjacent to a field.",
            "Location adjacent to a fragment definition.", "Location adjacent to a fragment spread.",
            "Location adjacent to an inline fragment.", "Location adjacent to a variable definition.",
            "Location adjacent to a schema definition.", "Location adjacent to a scalar definition.",
            "Location adjacent to an object type definition.", "Location adjacent to a field definition.",
            "Location adjacent to an argument definition.", "Location adjacent to an interface definition.",
            "Location adjacent to a union definition.", "Location adjacent to an enum definition.",
            "Location adjacent to an enum value definition.", "Location adjacent to an input object type definition.",
            "Location adjacent to an input object field definition.", "Location adjacent to a directive definition.",
        ];
        foreach (var location in Enum.GetValues<DirectiveLocation>())
        {
            DirectiveLocationType.AddValue(new EnumValueDefinition(location.ToName(), location) { Description = locationDescriptions[(int)location] });
        }

        TypeType = new ObjectType("__Type")
        {
            Description = "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.",
        };
        FieldType = new ObjectType("__Field")
        {
            Description = "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.",
        };
        InputValueType = new ObjectType("__InputValue")
        {
            Description = "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.",
        };
        EnumValueType = new ObjectType("__EnumValue")
        {
            Description = "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.",
        };
        DirectiveType = new ObjectType("__Directive")
        {
            Description = "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.",
        };
        SchemaType = new ObjectType("__Schema")
        {
            Description = "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.",
        };

        var str = Scalars.String;
        var nonNullString = new NonNullType(str);
        var nonNullBool = new NonNullType(Scalars.Boolean);
        var nonNullType = new NonNullType(TypeType);
        GraphQLType ListOf(GraphQLType t) => new NonNullType(new ListType(new NonNullType(t)));
        GraphQLType NullableListOf(GraphQLType t) => new ListType(new NonNullType(t));

        // __Schema
        Add(SchemaType, "description", str, (s, _) => ((Schema)s).Description);
        Add(SchemaType, "types", ListOf(TypeType), (s, _) => ((Schema)s).Types.Values.ToArray(), "A list of all types supported by this server.");
        Add(SchemaType, "queryType", nonNullType, (s, _) => ((Schema)s).QueryType, "The type that query operations will be rooted at.");
        Add(SchemaType, "mutationType", TypeType, (s, _) => ((Schema)s).MutationType, "If this server supports mutation, the type that mutation operations will be rooted at.");
        Add(SchemaType, "subscriptionType", TypeType, (s, _) => ((Schema)s).SubscriptionType, "If this server support subscription, the type that subscription operations will be rooted at.");
        var directives = Add(
            SchemaType,
            "directives",
            ListOf(DirectiveType),
            (s, c) => IncludeDeprecated(c)
                ? ((Schema)s).Directives.ToArray()
                : ((Schema)s).Directives.Where(d => d.DeprecationReason is null).ToArray(),
            "A list of all directives supported by this server.");
        directives.Arguments.Add(new InputValueDefinition("includeDeprecated", nonNullBool) { DefaultValue = false });

        // __Type
        Add(TypeType, "kind", new NonNullType(TypeKindType), (t, _) => ((GraphQLType)t).Kind);
        Add(TypeType, "name", str, (t, _) => (t as NamedType)?.Name);
        Add(TypeType, "description", str, (t, _) => (t as NamedType)?.Description);
        Add(TypeType, "specifiedByURL", str, (t, _) => (t as ScalarType)?.SpecifiedByUrl);
        WithIncludeDeprecated(Add(TypeType, "fields", NullableListOf(FieldType), (t, c) => t is FieldsType f
            ? (IncludeDeprecated(c) ? f.Fields.ToArray() : f.Fields.Where(x => !x.IsDeprecated).ToArray())
            : null));
        Add(TypeType, "interfaces", NullableListOf(TypeType), (t, _) => t is FieldsType f ? f.Interfaces.ToArray() : null);
        Add(TypeType, "possibleTypes", NullableListOf(TypeType), (t, c) => t is NamedType { IsAbstractType: true } n ? c.Schema.GetPossibleTypes(n).ToArray() : null);
        WithIncludeDeprecated(Add(TypeType, "enumValues", NullableListOf(EnumValueType), (t, c) => t is EnumType e
            ? (IncludeDeprecated(c) ? e.Values.ToArray() : e.Values.Where(x => !x.IsDeprecated).ToArray())
            : null));
        WithIncludeDeprecated(Add(TypeType, "inputFields", NullableListOf(InputValueType), (t, c) => t is InputObjectType i
            ? (IncludeDeprecated(c) ? i.Fields.ToArray() : i.Fields.Where(x => !x.IsDeprecated).ToArray())
            : null));
        Add(TypeType, "ofType", TypeType, (t, _) => t switch
        {
            ListType l => l.OfType,
            NonNullType n => n.OfType,
            _ => null,
        });
        Add(TypeType, "isOneOf", Scalars.Boolean, (t, _) => t is InputObjectType i ? i.IsOneOf : null);

        // __Field
        Add(FieldType, "name", nonNullString, (f, _) => ((FieldDefinition)f).Name);
        Add(FieldType, "description", str, (f, _) => ((FieldDefinition)f).Description);
        WithIncludeDeprecated(Add(FieldType, "args", ListOf(InputValueType), (f, c) => IncludeDeprecated(c)
            ? ((FieldDefinition)f).Arguments.ToArray()
            : ((FieldDefinition)f).Arguments.Where(a => !a.IsDeprecated).ToArray()));
        Add(FieldType, "type", nonNullType, (f, _) => ((FieldDefinition)f).Type);
        Add(FieldType, "isDeprecated", nonNullBool, (f, _) => ((FieldDefinition)f).IsDeprecated);
        Add(FieldType, "deprecationReason", str, (f, _) => ((FieldDefinition)f).DeprecationReason);

        // __InputValue
        Add(InputValueType, "name", nonNullString, (v, _) => ((InputValueDefinition)v).Name);
        Add(InputValueType, "description", str, (v, _) => ((InputValueDefinition)v).Description);
        Add(InputValueType, "type", nonNullType, (v, _) => ((InputValueDefinition)v).Type);
        Add(InputValueType, "defaultValue", str, (v, _) => PrintDefaultValue((InputValueDefinition)v), "A GraphQL-formatted string representing the default value for this input value.");
        Add(InputValueType, "isDeprecated", nonNullBool, (v, _) => ((InputValueDefinition)v).IsDeprecated);
        Add(InputValueType, "deprecationReason", str, (v, _) => ((InputValueDefinition)v).DeprecationReason);

        // __EnumValue
        Add(EnumValueType, "name", nonNullString, (v, _) => ((EnumValueDefinition)v).Name);
        Add(EnumValueType, "description", str, (v, _) => ((EnumValueDefinition)v).Description);
        Add(EnumValueType, "isDeprecated", nonNullBool, (v, _) => ((EnumValueDefinition)v).IsDeprecated);
        Add(EnumValueType, "deprecationReason", str, (v, _) => ((EnumValueDefinition)v).DeprecationReason);

        // __Directive
        Add(DirectiveType, "name", nonNullString, (d, _) => ((DirectiveDefinition)d).Name);
        Add(DirectiveType, "description", str, (d, _) => ((DirectiveDefinition)d).Description);
        Add(DirectiveType, "isRepeatable", nonNullBool, (d, _) => ((DirectiveDefinition)d).IsRepeatable);
        Add(DirectiveType, "locations", ListOf(DirectiveLocationType), (d, _) => ((DirectiveDefinition)d).Locations.Cast<object>().ToArray());
        WithIncludeDeprecated(Add(DirectiveType, "args", ListOf(InputValueType), (d, c) => IncludeDeprecated(c)
            ? ((DirectiveDefinition)d).Arguments.ToArray()
            : ((DirectiveDefinition)d).Arguments.Where(a => !a.IsDeprecated).ToArray()));
        Add(DirectiveType, "isDeprecated", nonNullBool, (d, _) => ((DirectiveDefinition)d).DeprecationReason is not null);
        Add(DirectiveType, "deprecationReason", str, (d, _) => ((DirectiveDefinition)d).DeprecationReason);

        SchemaMetaField = new FieldDefinition("__schema", new NonNullType(SchemaType))
        {
            Description = "Access the current type schema of this server.",
            Resolver = c => new ValueTask<object?>(c.Schema),
        };
        TypeMetaField = new FieldDefinition("__type", TypeType)
        {
            Description = "Request the type information of a single type.",
            Resolver = c => new ValueTask<object?>(c.Schema.GetType((string)c.Arguments["name"]!)),
        };
        TypeMetaField.Arguments.Add(new InputValueDefinition("name", nonNullString));
        TypeNameMetaField = new FieldDefinition("__typename", nonNullString)
        {
            Description = "The name of the current Object type at runtime.",
            Resolver = c => new ValueTask<object?>(c.ParentType.Name),
        };
    }

    /// <summary>The <c>__Schema</c> type.</summary>
    public static ObjectType SchemaType { get; }

    /// <summary>The <c>__Type</c> type.</summary>
    public static ObjectType TypeType { get; }

    /// <summary>The <c>__Field</c> type.</summary>
    public static ObjectType FieldType { get; }

    /// <summary>The <c>__InputValue</c> type.</summary>
    public static ObjectType InputValueType { get; }

    /// <summary>The <c>__EnumValue</c> type.</summary>
    public static ObjectType EnumValueType { get; }

    /// <summary>The <c>__Directive</c> type.</summary>
    public static ObjectType DirectiveType { get; }

    /// <summary>The <c>__TypeKind</c> enum.</summary>
    public static EnumType TypeKindType { get; }

    /// <summary>The <c>__DirectiveLocation</c> enum.</summary>
    public static EnumType DirectiveLocationType { get; }

    /// <summary><c>__schema: __Schema!</c>, available on the query root.</summary>
    public static FieldDefinition SchemaMetaField { get; }

    /// <summary><c>__type(name: String!): __Type</c>, available on the query root.</summary>
    public static FieldDefinition TypeMetaField { get; }

    /// <summary><c>__typename: String!</c>, available on every composite type.</summary>
    public static FieldDefinition TypeNameMetaField { get; }

    /// <summary>True for the names of the eight introspection types.</summary>
    public static bool IsIntrospectionTypeName(string name) => name is "__Schema" or "__Type" or "__TypeKind" or "__Field"
        or "__InputValue" or "__EnumValue" or "__Directive" or "__DirectiveLocation";

    /// <summary>
    /// Finds a field on a parent type, including the meta-fields (spec §4 / graphql-js getFieldDef):
    /// <c>__schema</c> and <c>__type</c> on the query root, <c>__typename</c> on any composite type.
    /// </summary>
    public static FieldDefinition? GetFieldDefinition(Schema schema, NamedType parentType, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(parentType);
        if (fieldName.Length > 1 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            if (fieldName == "__schema" && ReferenceEquals(schema.QueryType, parentType))
            {
                return SchemaMetaField;
            }
            if (fieldName == "__type" && ReferenceEquals(schema.QueryType, parentType))
            {
                return TypeMetaField;
            }
            if (fieldName == "__typename" && parentType.IsCompositeType)
            {
                return TypeNameMetaField;
            }
        }
        return (parentType as FieldsType)?.GetField(fieldName);
    }

    /// <summary>The default value of an input value printed as GraphQL (null when it has none).</summary>
    public static string? PrintDefaultValue(InputValueDefinition value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.HasDefaultValue)
        {
            return null;
        }
        var literal = ValueCoercion.AstFromValue(value.DefaultValue, value.Type);
        return literal is null ? null : Printer.Print(literal);
    }

    private static void AddKind(TypeKind kind, string name, string description) =>
        TypeKindType.AddValue(new EnumValueDefinition(name, kind) { Description = description });

    private static bool IncludeDeprecated(IResolverContext context) =>
        context.Arguments.TryGetValue("includeDeprecated", out var value) && value is true;

    private static void WithIncludeDeprecated(FieldDefinition field) =>
        field.Arguments.Add(new InputValueDefinition("includeDeprecated", Scalars.Boolean) { DefaultValue = false });

    private static FieldDefinition Add(ObjectType type, string name, GraphQLType fieldType, Func<object, IResolverContext, object?> resolve, string? description = null)
    {
        var field = new FieldDefinition(name, fieldType)
        {
            Description = description,
            Resolver = context => new ValueTask<object?>(resolve(context.Source!, context)),
        };
        return type.AddField(field);
    }
}
