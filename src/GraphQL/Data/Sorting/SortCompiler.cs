using System.Collections;
using System.Reflection;
using RfmGraph.GraphQL.Data.Model;

namespace RfmGraph.GraphQL.Data.Sorting;

/// <summary>Turns a coerced <c>order</c> argument into a <see cref="SortSpec"/> ending with the tie-breaker key.</summary>
internal static class SortCompiler
{
    public static SortSpec Compile(DataTypeModel model, IList? order, string path = "order")
    {
        var keys = new List<SortKey>();
        if (order is not null)
        {
            for (var i = 0; i < order.Count; i++)
            {
                var item = (IReadOnlyDictionary<string, object?>)order[i]!;
                Add(keys, model, item, [], false, $"{path}[{i}]");
            }
        }
        foreach (var key in model.Key)
        {
            // The tie-breaker; skipped when the client already sorts on it (same path), whatever the direction.
            if (!keys.Any(k => k.Path.Count == 1 && k.Path[0] == key))
            {
                keys.Add(new SortKey([key], descending: false, isNullable: false));
            }
        }
        return new SortSpec(model.ClrType, keys);
    }

    private static void Add(List<SortKey> keys, DataTypeModel model, IReadOnlyDictionary<string, object?> item, List<PropertyInfo> prefix, bool nullablePrefix, string path)
    {
        if (item.Count != 1)
        {
            throw new GraphQLException($"'{path}' must name exactly one field; give several keys as separate list elements.", "INVALID_SORT");
        }
        var (name, value) = item.First();
        var member = model.Find(name) ?? throw new GraphQLException($"'{path}.{name}' is not a sortable field.", "INVALID_SORT");
        var memberPath = new List<PropertyInfo>(prefix) { member.Property };
        var nullable = nullablePrefix || member.IsNullable;
        if (member.Kind == DataFieldKind.Object)
        {
            Add(keys, member.Nested!(), (IReadOnlyDictionary<string, object?>)value!, memberPath, nullable, $"{path}.{name}");
            return;
        }
        var direction = value is SortEnumType d ? d : throw new GraphQLException($"'{path}.{name}' needs ASC or DESC.", "INVALID_SORT");
        if (keys.Any(k => k.Path.SequenceEqual(memberPath)))
        {
            throw new GraphQLException($"'{path}.{name}' sorts on a field that is already a sort key.", "INVALID_SORT");
        }
        keys.Add(new SortKey(memberPath, direction == SortEnumType.Desc, nullable));
    }
}
