using System.Linq.Expressions;
using System.Reflection;

namespace RfmGraph.GraphQL.Data.Model;

/// <summary>One filterable and sortable member of a <see cref="DataTypeModel"/>.</summary>
internal sealed class DataMember(string name, PropertyInfo property, DataFieldKind kind, bool isNullable)
{
    /// <summary>The GraphQL field name inside the filter and sort inputs.</summary>
    public string Name { get; } = name;

    public PropertyInfo Property { get; } = property;

    public DataFieldKind Kind { get; } = kind;

    /// <summary>True when the member can hold null (nullable value type or nullable-annotated reference).</summary>
    public bool IsNullable { get; } = isNullable;

    /// <summary>The member's type without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType { get; } = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;

    /// <summary>For <see cref="DataFieldKind.Object"/>: the nested type's model (resolved lazily, types may be recursive).</summary>
    public Func<DataTypeModel>? Nested { get; init; }

    public Expression Access(Expression instance) => Expression.Property(instance, Property);
}
