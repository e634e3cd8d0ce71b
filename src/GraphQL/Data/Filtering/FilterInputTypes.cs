using RfmGraph.GraphQL.Data.Model;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Filtering;

/// <summary>
/// Generates the filter input types (HotChocolate naming): <c>&lt;Type&gt;FilterInput { and or &lt;fields&gt; }</c>
/// and one operation input per kind of value, e.g. <c>StringOperationFilterInput { eq neq in nin contains ... }</c>.
/// Clients' mistakes (unknown field, wrong value type) are then ordinary validation errors.
/// </summary>
internal static class FilterInputTypes
{
    public const string And = "and";
    public const string Or = "or";

    public static string Ensure(DataConventions conventions, DataTypeModel model)
    {
        conventions.AddOnce(model.FilterInputName, () =>
        {
            var input = new InputObjectType(model.FilterInputName)
            {
                Description = $"Conditions on {model.GraphQLName}; fields combine with AND.",
            };
            input.AddField(new InputValueDefinition(And, SchemaBuilder.Ref($"[{model.FilterInputName}!]")) { Description = "All of these conditions hold." });
            input.AddField(new InputValueDefinition(Or, SchemaBuilder.Ref($"[{model.FilterInputName}!]")) { Description = "At least one of these conditions holds." });
            foreach (var member in model.Members)
            {
                var type = member.Kind == DataFieldKind.Object
                    ? Ensure(conventions, member.Nested!())
                    : EnsureOperations(conventions, member);
                input.AddField(new InputValueDefinition(member.Name, SchemaBuilder.Ref(type)));
            }
            return input;
        });
        return model.FilterInputName;
    }

    private static string EnsureOperations(DataConventions conventions, DataMember member)
    {
        var (scalar, operations) = member.Kind switch
        {
            DataFieldKind.String => ("String", FilterOperations.String),
            DataFieldKind.Int => ("Int", FilterOperations.Comparable),
            DataFieldKind.Long => ("Long", FilterOperations.Comparable),
            DataFieldKind.Decimal => ("Decimal", FilterOperations.Comparable),
            DataFieldKind.Float => ("Float", FilterOperations.Comparable),
            DataFieldKind.DateTime => ("DateTime", FilterOperations.Comparable),
            DataFieldKind.Date => ("Date", FilterOperations.Comparable),
            DataFieldKind.Boolean => ("Boolean", FilterOperations.Boolean),
            DataFieldKind.Uuid => ("ID", FilterOperations.Equality),
            DataFieldKind.Enum => (conventions.EnumName(member.ValueType), FilterOperations.Equality),
            _ => throw new InvalidOperationException($"No filter operations for {member.Kind}."),
        };
        var name = member.Kind switch
        {
            DataFieldKind.Uuid => "UuidOperationFilterInput",
            _ => scalar + "OperationFilterInput",
        };
        conventions.AddOnce(name, () =>
        {
            var input = new InputObjectType(name) { Description = $"Operations on a {scalar} value; several combine with AND." };
            foreach (var operation in operations)
            {
                var type = operation.IsList ? $"[{scalar}!]" : scalar;
                input.AddField(new InputValueDefinition(operation.Name, SchemaBuilder.Ref(type)) { Description = operation.Description });
            }
            return input;
        });
        return name;
    }
}
