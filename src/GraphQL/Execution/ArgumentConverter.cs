using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace RfmGraph.GraphQL.Execution;

/// <summary>
/// Converts coerced argument values (dictionaries, arrays, primitives) to the CLR type a resolver asks for:
/// numbers widen or narrow, strings parse to enums, arrays become T[] / List&lt;T&gt;, dictionaries map onto
/// classes and records by property or constructor parameter name (case-insensitive).
/// </summary>
public static class ArgumentConverter
{
    private static readonly ConcurrentDictionary<Type, Func<IReadOnlyDictionary<string, object?>, object>> Factories = new();

    /// <summary>Converts <paramref name="value"/> to <typeparamref name="T"/>.</summary>
    public static T Convert<T>(object? value) => (T)Convert(value, typeof(T))!;

    /// <summary>Converts <paramref name="value"/> to <paramref name="target"/>.</summary>
    public static object? Convert(object? value, Type target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (value is null)
        {
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        }
        if (target.IsInstanceOfType(value))
        {
            return value;
        }
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsEnum)
        {
            return value is string name ? Enum.Parse(type, name.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true) : Enum.ToObject(type, value);
        }
        if (type == typeof(Guid) && value is string guid)
        {
            return Guid.Parse(guid);
        }
        if (value is IReadOnlyDictionary<string, object?> map && type != typeof(string))
        {
            return Factories.GetOrAdd(type, CreateFactory)(map);
        }
        if (value is IEnumerable sequence and not string)
        {
            var element = ElementType(type);
            if (element is not null)
            {
                var items = sequence.Cast<object?>().Select(i => Convert(i, element)).ToList();
                var array = Array.CreateInstance(element, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    array.SetValue(items[i], i);
                }
                if (type.IsArray || type.IsAssignableFrom(array.GetType()))
                {
                    return array;
                }
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                foreach (var item in items)
                {
                    list.Add(item);
                }
                return list;
            }
        }
        if (value is IConvertible)
        {
            return System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }
        throw new InvalidCastException($"Cannot convert {value.GetType().Name} to {target.Name}.");
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        if (type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return type.GetGenericArguments()[0];
        }
        return null;
    }

    private static Func<IReadOnlyDictionary<string, object?>, object> CreateFactory(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var parameters = constructor?.GetParameters() ?? [];
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();
        return map =>
        {
            var lookup = new Dictionary<string, object?>(map, StringComparer.OrdinalIgnoreCase);
            var args = parameters.Select(p => lookup.TryGetValue(p.Name!, out var v) ? Convert(v, p.ParameterType) : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
            var instance = constructor is null ? Activator.CreateInstance(type)! : constructor.Invoke(args);
            foreach (var property in properties)
            {
                if (lookup.TryGetValue(property.Name, out var v) && !parameters.Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    property.SetValue(instance, Convert(v, property.PropertyType));
                }
            }
            return instance;
        };
    }
}
