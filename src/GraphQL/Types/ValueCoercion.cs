using System.Collections;
using System.Globalization;
using System.Text;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Types;

/// <summary>Reports one input coercion problem: the path inside the value, the offending value and the message.</summary>
public delegate void CoercionErrorHandler(IReadOnlyList<object> path, object? invalidValue, string message);

/// <summary>
/// Input coercion (spec §3.10 / §6.4.1 / §5.6): literals → internal values (<see cref="ValueFromAst"/>),
/// JSON variables → internal values (<see cref="CoerceInputValue"/>) and internal values → literals
/// (<see cref="AstFromValue"/>). Behaviour and messages follow graphql-js's functions of the same names.
/// Internal values: input objects are <see cref="Dictionary{TKey,TValue}"/> of string → object? (fields
/// not given and without default are absent), lists are <c>object?[]</c>, leaves are what their type's
/// ParseValue/ParseLiteral return.
/// </summary>
public static class ValueCoercion
{
    /// <summary>
    /// Coerces a literal to <paramref name="type"/>. Returns false ("undefined") when the literal is invalid or
    /// refers to a missing variable; validation reports why.
    /// </summary>
    public static bool ValueFromAst(ValueNode? valueNode, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? result)
    {
        ArgumentNullException.ThrowIfNull(type);
        result = null;
        if (valueNode is null)
        {
            return false;
        }
        if (valueNode is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue))
            {
                return false;
            }
            if (variableValue is null && type is NonNullType)
            {
                return false;
            }
            result = variableValue;
            return true;
        }
        if (type is NonNullType nonNull)
        {
            if (valueNode is NullValueNode)
            {
                return false;
            }
            return ValueFromAst(valueNode, nonNull.OfType, variables, out result);
        }
        if (valueNode is NullValueNode)
        {
            return true;
        }
        switch (type)
        {
            case ListType list:
                var itemType = list.OfType;
                if (valueNode is ListValueNode listNode)
                {
                    var items = new object?[listNode.Values.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        var itemNode = listNode.Values[i];
                        if (IsMissingVariable(itemNode, variables))
                        {
                            if (itemType is NonNullType)
                            {
                                return false;
                            }
                            items[i] = null;
                        }
                        else if (!ValueFromAst(itemNode, itemType, variables, out items[i]))
                        {
                            return false;
                        }
                    }
                    result = items;
                    return true;
                }
                if (!ValueFromAst(valueNode, itemType, variables, out var single))
                {
                    return false;
                }
                result = new[] { single };
                return true;

            case InputObjectType inputObject:
                if (valueNode is not ObjectValueNode objectNode)
                {
                    return false;
                }
                var coerced = new Dictionary<string, object?>(inputObject.Fields.Count, StringComparer.Ordinal);
                foreach (var field in inputObject.Fields)
                {
                    ObjectFieldNode? fieldNode = null;
                    foreach (var candidate in objectNode.Fields)
                    {
                        if (candidate.Name.Value == field.Name)
                        {
                            fieldNode = candidate;
                            break;
                        }
                    }
                    if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
                    {
                        if (field.HasDefaultValue)
                        {
                            coerced[field.Name] = field.DefaultValue;
                        }
                        else if (field.Type is NonNullType)
                        {
                            return false;
                        }
                        continue;
                    }
                    if (!ValueFromAst(fieldNode.Value, field.Type, variables, out var fieldValue))
                    {
                        return false;
                    }
                    coerced[field.Name] = fieldValue;
                }
                if (inputObject.IsOneOf)
                {
                    if (coerced.Count != 1 || coerced.Values.First() is null)
                    {
                        return false;
                    }
                }
                result = coerced;
                return true;

            case EnumType enumType:
                try
                {
                    result = enumType.ParseLiteral(valueNode);
                    return true;
                }
                catch (CoercionException)
                {
                    return false;
                }

            case ScalarType scalar:
                try
                {
                    result = scalar is PassThroughScalar ? ValueFromAstUntyped(valueNode, variables) : scalar.ParseLiteral(valueNode);
                    return true;
                }
                catch (CoercionException)
                {
                    return false;
                }
                catch (FormatException)
                {
                    return false;
                }
                catch (OverflowException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    /// <summary>Converts any literal to a plain CLR value without a type (for scalars that accept any JSON).</summary>
    public static object? ValueFromAstUntyped(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables)
    {
        ArgumentNullException.ThrowIfNull(valueNode);
        switch (valueNode)
        {
            case NullValueNode:
                return null;
            case IntValueNode i:
                if (int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
                {
                    return small;
                }
                if (long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
                {
                    return big;
                }
                return double.Parse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case FloatValueNode f:
                return double.Parse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case StringValueNode s:
                return s.Value;
            case EnumValueNode e:
                return e.Value;
            case BooleanValueNode b:
                return b.Value;
            case ListValueNode l:
                return l.Values.Select(v => ValueFromAstUntyped(v, variables)).ToArray();
            case ObjectValueNode o:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in o.Fields)
                {
                    map[field.Name.Value] = ValueFromAstUntyped(field.Value, variables);
                }
                return map;
            case VariableNode v:
                return variables is not null && variables.TryGetValue(v.Name.Value, out var value) ? value : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Coerces an external (JSON-derived) value to <paramref name="type"/>, reporting every problem through
    /// <paramref name="onError"/>. Returns the coerced value (meaningless when an error was reported).
    /// </summary>
    public static object? CoerceInputValue(object? input, GraphQLType type, CoercionErrorHandler onError)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(onError);
        return Coerce(input, type, onError, []);
    }

    private static object? Coerce(object? input, GraphQLType type, CoercionErrorHandler onError, List<object> path)
    {
        if (type is NonNullType nonNull)
        {
            if (input is not null)
            {
                return Coerce(input, nonNull.OfType, onError, path);
            }
            onError([.. path], input, $"Expected non-nullable type \"{type}\" not to be null.");
            return null;
        }
        if (input is null)
        {
            return null;
        }
        switch (type)
        {
            case ListType list:
                if (input is IEnumerable sequence and not string and not IDictionary and not IReadOnlyDictionary<string, object?>)
                {
                    var items = new List<object?>();
                    var index = 0;
                    foreach (var item in sequence)
                    {
                        path.Add(index);
                        items.Add(Coerce(item, list.OfType, onError, path));
                        path.RemoveAt(path.Count - 1);
                        index++;
                    }
                    return items.ToArray();
                }
                return new[] { Coerce(input, list.OfType, onError, path) };

            case InputObjectType inputObject:
                if (AsMap(input) is not { } map)
                {
                    onError([.. path], input, $"Expected type \"{inputObject.Name}\" to be an object.");
                    return null;
                }
                var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in inputObject.Fields)
                {
                    if (!map.TryGetValue(field.Name, out var fieldValue))
                    {
                        if (field.HasDefaultValue)
                        {
                            coerced[field.Name] = field.DefaultValue;
                        }
                        else if (field.Type is NonNullType)
                        {
                            onError([.. path], input, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                        }
                        continue;
                    }
                    path.Add(field.Name);
                    coerced[field.Name] = Coerce(fieldValue, field.Type, onError, path);
                    path.RemoveAt(path.Count - 1);
                }
                foreach (var key in map.Keys)
                {
                    if (inputObject.GetField(key) is null)
                    {
                        var suggestions = SuggestionList.For(key, inputObject.Fields.Select(f => f.Name));
                        onError([.. path], input, $"Field \"{key}\" is not defined by type \"{inputObject.Name}\"." + SuggestionList.DidYouMean(suggestions));
                    }
                }
                if (inputObject.IsOneOf)
                {
                    if (coerced.Count != 1)
                    {
                        onError([.. path], input, $"Exactly one key must be specified for OneOf type \"{inputObject.Name}\".");
                    }
                    if (coerced.Count > 0)
                    {
                        var (key, value) = coerced.First();
                        if (value is null)
                        {
                            onError([.. path, key], value, $"Field \"{key}\" must be non-null.");
                        }
                    }
                }
                return coerced;

            case EnumType enumType:
                try
                {
                    return enumType.ParseValue(input);
                }
                catch (CoercionException error)
                {
                    onError([.. path], input, error.Message);
                    return null;
                }

            case ScalarType scalar:
                try
                {
                    return scalar.ParseValue(input);
                }
                catch (CoercionException error)
                {
                    onError([.. path], input, error.Message);
                    return null;
                }
                catch (Exception error) when (error is FormatException or OverflowException or InvalidCastException)
                {
                    onError([.. path], input, $"Expected type \"{scalar.Name}\". {error.Message}");
                    return null;
                }

            default:
                onError([.. path], input, $"Expected type \"{type}\".");
                return null;
        }
    }

    /// <summary>Prints a coercion path the way graphql-js's printPathArray does: <c>.field[0].other</c>.</summary>
    public static string PrintPath(IReadOnlyList<object> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var builder = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment is int index)
            {
                builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                builder.Append('.').Append(segment);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Produces a literal for an internal value (graphql-js astFromValue): used to print default values in
    /// introspection and SDL. Returns null when the value cannot be represented.
    /// </summary>
    public static ValueNode? AstFromValue(object? value, GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type is NonNullType nonNull)
        {
            var inner = AstFromValue(value, nonNull.OfType);
            return inner is NullValueNode ? null : inner;
        }
        if (value is null)
        {
            return new NullValueNode();
        }
        switch (type)
        {
            case ListType list:
                if (value is IEnumerable sequence and not string and not IDictionary and not IReadOnlyDictionary<string, object?>)
                {
                    var items = new List<ValueNode>();
                    foreach (var item in sequence)
                    {
                        if (AstFromValue(item, list.OfType) is { } node)
                        {
                            items.Add(node);
                        }
                    }
                    return new ListValueNode { Values = items };
                }
                return AstFromValue(value, list.OfType);

            case InputObjectType inputObject:
                if (AsMap(value) is not { } map)
                {
                    return null;
                }
                var fields = new List<ObjectFieldNode>();
                foreach (var field in inputObject.Fields)
                {
                    if (map.TryGetValue(field.Name, out var fieldValue) && AstFromValue(fieldValue, field.Type) is { } node)
                    {
                        fields.Add(new ObjectFieldNode { Name = new NameNode(field.Name), Value = node });
                    }
                }
                return new ObjectValueNode { Fields = fields };

            case EnumType enumType:
                return new EnumValueNode(enumType.Serialize(value));

            case ScalarType scalar:
                var serialized = scalar.Serialize(value);
                if (scalar.Name == "ID" && serialized is string id && IsIntegerString(id))
                {
                    return new IntValueNode(id);
                }
                return scalar.ToLiteral(serialized);

            default:
                return null;
        }
    }

    private static bool IsIntegerString(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }
        var start = text[0] == '-' ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }
        if (text[start] == '0')
        {
            return text.Length == start + 1;
        }
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));

    /// <summary>Views a dictionary-like input as a string-keyed map (JSON objects arrive as dictionaries).</summary>
    internal static IReadOnlyDictionary<string, object?>? AsMap(object? value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
                return map;
            case IDictionary<string, object?> dictionary:
                return new Dictionary<string, object?>(dictionary, StringComparer.Ordinal);
            case IDictionary legacy:
                var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in legacy)
                {
                    copy[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
                }
                return copy;
            default:
                return null;
        }
    }
}
