using System.Linq.Expressions;
using System.Reflection;

namespace RfmGraph.GraphQL.Data.Model;

/// <summary>
/// What the data conventions know about one CLR type: its GraphQL name, the members a client may filter and
/// sort on (after exclusions and renames) and the unique key used as the paging tie-breaker.
/// </summary>
internal sealed class DataTypeModel
{
    public DataTypeModel(Type clrType, string graphQLName, IReadOnlyList<DataMember> members, IReadOnlyList<PropertyInfo> key)
    {
        ClrType = clrType;
        GraphQLName = graphQLName;
        Members = members;
        Key = key;
    }

    public Type ClrType { get; }

    public string GraphQLName { get; }

    public IReadOnlyList<DataMember> Members { get; }

    /// <summary>The members that together identify a row (usually just Id); empty when the type has none.</summary>
    public IReadOnlyList<PropertyInfo> Key { get; }

    public string FilterInputName => GraphQLName + "FilterInput";

    public string SortInputName => GraphQLName + "SortInput";

    public DataMember? Find(string name)
    {
        foreach (var member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }
        return null;
    }

    public IEnumerable<Expression> KeyAccess(Expression instance) => Key.Select(k => (Expression)Expression.Property(instance, k));
}
