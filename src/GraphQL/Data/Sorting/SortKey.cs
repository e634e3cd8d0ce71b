using System.Linq.Expressions;
using System.Reflection;

namespace RfmGraph.GraphQL.Data.Sorting;

/// <summary>One key of a sort: a member path from the row (e.g. Category → Name) and a direction.</summary>
internal sealed class SortKey(IReadOnlyList<PropertyInfo> path, bool descending, bool isNullable)
{
    public IReadOnlyList<PropertyInfo> Path { get; } = path;

    public bool Descending { get; } = descending;

    /// <summary>True when the value may be null (a nullable column, or a member of an optional nested object).</summary>
    public bool IsNullable { get; } = isNullable;

    public Type Type => Path[^1].PropertyType;

    public SortKey Reversed() => new(Path, !Descending, IsNullable);

    public Expression Access(Expression row)
    {
        var current = row;
        foreach (var property in Path)
        {
            current = Expression.Property(current, property);
        }
        return current;
    }

    /// <summary>A stable text form used to bind cursors to the sort they were issued for.</summary>
    public string Signature => string.Join('.', Path.Select(p => p.Name)) + (Descending ? ":D" : ":A");
}
