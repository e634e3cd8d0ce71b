using System.Text;
using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Types;

/// <summary>
/// Prints a schema as SDL in exactly the format of graphql-js <c>printSchema</c>: schema definition (only when
/// root names are not the conventional ones or there is a description), custom directives, then every type
/// except the specified scalars and the introspection types, in type map order.
/// </summary>
public static class SchemaPrinter
{
    /// <summary>Prints the schema.</summary>
    public static string Print(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } definition)
        {
            parts.Add(definition);
        }
        foreach (var directive in schema.Directives)
        {
            if (!BuiltInDirectives.IsBuiltIn(directive.Name))
            {
                parts.Add(PrintDirective(directive));
            }
        }
        foreach (var type in schema.Types.Values)
        {
            if (!Scalars.IsSpecified(type) && !type.IsIntrospectionType)
            {
                parts.Add(PrintType(type));
            }
        }
        return string.Join("\n\n", parts);
    }

    /// <summary>Prints one named type.</summary>
    public static string PrintType(NamedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type switch
        {
            ScalarType scalar => Description(scalar.Description) + "scalar " + scalar.Name + SpecifiedBy(scalar),
            ObjectType obj => Description(obj.Description) + "type " + obj.Name + Implements(obj) + Fields(obj),
            InterfaceType iface => Description(iface.Description) + "interface " + iface.Name + Implements(iface) + Fields(iface),
            UnionType union => Description(union.Description) + "union " + union.Name + (union.Types.Count > 0 ? " = " + string.Join(" | ", union.Types.Select(t => t.Name)) : string.Empty),
            EnumType enumType => Description(enumType.Description) + "enum " + enumType.Name + Block(enumType.Values.Select((v, i) =>
                Description(v.Description, "  ", i == 0) + "  " + v.Name + Deprecated(v.DeprecationReason))),
            InputObjectType input => Description(input.Description) + "input " + input.Name + (input.IsOneOf ? " @oneOf" : string.Empty) + Block(input.Fields.Select((f, i) =>
                Description(f.Description, "  ", i == 0) + "  " + InputValue(f))),
            _ => throw new ArgumentException($"Unknown type {type.Name}.", nameof(type)),
        };
    }

    private static string? PrintSchemaDefinition(Schema schema)
    {
        var conventional = schema.QueryType?.Name is null or "Query"
            && schema.MutationType?.Name is null or "Mutation"
            && schema.SubscriptionType?.Name is null or "Subscription";
        if (schema.Description is null && conventional)
        {
            return null;
        }
        var operations = new List<string>();
        if (schema.QueryType is not null)
        {
            operations.Add("  query: " + schema.QueryType.Name);
        }
        if (schema.MutationType is not null)
        {
            operations.Add("  mutation: " + schema.MutationType.Name);
        }
        if (schema.SubscriptionType is not null)
        {
            operations.Add("  subscription: " + schema.SubscriptionType.Name);
        }
        return Description(schema.Description) + "schema {\n" + string.Join("\n", operations) + "\n}";
    }

    private static string PrintDirective(DirectiveDefinition directive) =>
        Description(directive.Description) + "directive @" + directive.Name + Arguments(directive.Arguments, string.Empty)
        + Deprecated(directive.DeprecationReason)
        + (directive.IsRepeatable ? " repeatable" : string.Empty)
        + " on " + string.Join(" | ", directive.Locations.Select(l => l.ToName()));

    private static string Implements(FieldsType type) =>
        type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name)) : string.Empty;

    private static string Fields(FieldsType type) => Block(type.Fields.Select((f, i) =>
        Description(f.Description, "  ", i == 0) + "  " + f.Name + Arguments(f.Arguments, "  ") + ": " + f.Type + Deprecated(f.DeprecationReason)));

    private static string Block(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count != 0 ? " {\n" + string.Join("\n", list) + "\n}" : string.Empty;
    }

    private static string Arguments(IList<InputValueDefinition> arguments, string indentation)
    {
        if (arguments.Count == 0)
        {
            return string.Empty;
        }
        if (arguments.All(a => string.IsNullOrEmpty(a.Description)))
        {
            return "(" + string.Join(", ", arguments.Select(InputValue)) + ")";
        }
        var builder = new StringBuilder("(\n");
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('\n');
            }
            builder.Append(Description(arguments[i].Description, "  " + indentation, i == 0)).Append("  ").Append(indentation).Append(InputValue(arguments[i]));
        }
        return builder.Append('\n').Append(indentation).Append(')').ToString();
    }

    private static string InputValue(InputValueDefinition value)
    {
        var declaration = value.Name + ": " + value.Type;
        if (value.HasDefaultValue && ValueCoercion.AstFromValue(value.DefaultValue, value.Type) is { } literal)
        {
            declaration += " = " + Printer.Print(literal);
        }
        return declaration + Deprecated(value.DeprecationReason);
    }

    private static string SpecifiedBy(ScalarType scalar) =>
        scalar.SpecifiedByUrl is null ? string.Empty : " @specifiedBy(url: " + Printer.PrintString(scalar.SpecifiedByUrl) + ")";

    private static string Deprecated(string? reason)
    {
        if (reason is null)
        {
            return string.Empty;
        }
        return reason != BuiltInDirectives.DefaultDeprecationReason
            ? " @deprecated(reason: " + Printer.PrintString(reason) + ")"
            : " @deprecated";
    }

    private static string Description(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }
        var printed = BlockString.IsPrintableAsBlockString(description) ? BlockString.Print(description) : Printer.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + printed.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}
