using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Execution;

/// <summary>
/// The resolver used when a field has none (spec "default resolver", graphql-js defaultFieldResolver): reads the
/// dictionary entry or the public property/field of the parent value whose name matches the field name
/// (case-insensitively, so <c>firstName</c> finds <c>FirstName</c>). Getters are compiled once per CLR type.
/// </summary>
public static class DefaultResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Getters = new();

    /// <summary>A resolver reading the member named like <paramref name="field"/>.</summary>
    public static FieldResolver For(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var name = field.Name;
        return context => new ValueTask<object?>(Read(context.Source, name));
    }

    /// <summary>Reads <paramref name="name"/> from <paramref name="source"/> (null when absent).</summary>
    public static object? Read(object? source, string name)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(name, out var value) ? value : null;
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(name, out var entry) ? entry : null;
        }
        var getter = Getters.GetOrAdd((source.GetType(), name), static key => CreateGetter(key.Item1, key.Item2));
        return getter?.Invoke(source);
    }

    private static Func<object, object?>? CreateGetter(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        MemberInfo? member = type.GetProperty(name, flags);
        member ??= type.GetField(name, flags);
        if (member is PropertyInfo property && (property.GetMethod is null || property.GetIndexParameters().Length > 0))
        {
            return null;
        }
        if (member is null)
        {
            return null;
        }
        var parameter = Expression.Parameter(typeof(object), "source");
        var access = Expression.MakeMemberAccess(Expression.Convert(parameter, type), member);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), parameter).Compile();
    }
}
