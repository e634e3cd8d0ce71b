using System.Collections;
using System.Globalization;
using System.Text.Json;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL;

/// <summary>
/// Writes plain CLR values (dictionaries, lists, strings, numbers, booleans, null) as JSON. Used for
/// <c>extensions</c> and other loosely typed payloads; typed results never go through here. Strings are written
/// like JavaScript's JSON.stringify, whatever encoder the writer was created with.
/// </summary>
public static class JsonValueWriter
{
    /// <summary>Writes <paramref name="value"/> at the writer's current position.</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                JavaScriptJson.WriteString(writer, s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case float f:
                writer.WriteNumberValue(f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var pair in map)
                {
                    writer.WritePropertyName(pair.Key);
                    Write(writer, pair.Value);
                }
                writer.WriteEndObject();
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    Write(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case IFormattable formattable:
                JavaScriptJson.WriteString(writer, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                JavaScriptJson.WriteString(writer, value.ToString() ?? string.Empty);
                break;
        }
    }
}
