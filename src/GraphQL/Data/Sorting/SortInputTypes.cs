using RfmGraph.GraphQL.Data.Model;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Sorting;

/// <summary>
/// Generates <c>&lt;Type&gt;SortInput</c>: one field per sortable member (<c>SortEnumType</c>) or nested object
/// (its own sort input). The input is <c>@oneOf</c>: each list element names exactly one key, so the client's
/// key order is the list order — unambiguous, and checked by validation.
/// </summary>
internal static class SortInputTypes
{
    public const string EnumName = "SortEnumType";

    public static string Ensure(DataConventions conventions, DataTypeModel model)
    {
        if (conventions.Schema.GraphQLNameOf(typeof(SortEnumType)) is null)
        {
            conventions.Schema.Enum<SortEnumType>(EnumName, e => e
                .Description("Sort direction.")
                .Value("ASC", "Ascending: smallest first, nulls last.")
                .Value("DESC", "Descending: largest first, nulls first."));
        }
        conventions.AddOnce(model.SortInputName, () =>
        {
            var input = new InputObjectType(model.SortInputName)
            {
                Description = $"One sort key of {model.GraphQLName}; give several in a list, most significant first.",
                IsOneOf = true,
            };
            foreach (var member in model.Members)
            {
                var type = member.Kind == DataFieldKind.Object ? Ensure(conventions, member.Nested!()) : EnumName;
                input.AddField(new InputValueDefinition(member.Name, SchemaBuilder.Ref(type)));
            }
            return input;
        });
        return model.SortInputName;
    }
}
