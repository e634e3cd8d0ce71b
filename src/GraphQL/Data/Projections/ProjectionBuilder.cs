using System.Linq.Expressions;
using System.Reflection;

namespace RfmGraph.GraphQL.Data.Projections;

/// <summary>
/// Builds <c>x =&gt; new T { A = x.A, Nested = new N { B = x.Nested.B } }</c> from a <see cref="MemberTree"/>, so
/// EF Core reads only those columns. Types without a public parameterless constructor and settable members
/// cannot be rebuilt; the query then reads whole rows (correct, only wider).
/// </summary>
internal static class ProjectionBuilder
{
    public static Expression<Func<T, T>>? Build<T>(MemberTree tree, Func<PropertyInfo, bool> isNullable)
    {
        var row = Expression.Parameter(typeof(T), "x");
        var body = Init(row, typeof(T), tree, isNullable);
        return body is null ? null : Expression.Lambda<Func<T, T>>(body, row);
    }

    private static Expression? Init(Expression source, Type type, MemberTree tree, Func<PropertyInfo, bool> isNullable)
    {
        if (type.GetConstructor(Type.EmptyTypes) is not { } constructor)
        {
            return null;
        }
        var bindings = new List<MemberBinding>();
        foreach (var (property, nested) in tree.Members)
        {
            if (property.SetMethod is not { IsPublic: true })
            {
                return null;
            }
            var access = Expression.Property(source, property);
            Expression value = access;
            if (nested is not null)
            {
                var init = Init(access, property.PropertyType, nested, isNullable);
                if (init is null)
                {
                    // The nested type cannot be rebuilt: read it whole.
                    value = access;
                }
                else
                {
                    value = isNullable(property)
                        ? Expression.Condition(Expression.Equal(access, Expression.Constant(null, access.Type)), Expression.Constant(null, access.Type), init)
                        : init;
                }
            }
            bindings.Add(Expression.Bind(property, value));
        }
        return Expression.MemberInit(Expression.New(constructor), bindings);
    }
}
