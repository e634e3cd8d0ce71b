using System.Text.Json;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Execution;

/// <summary>The executed data of one object: values aligned with the plan's entries (selection order).</summary>
internal sealed class ResultMap(FieldPlan plan, object?[] values)
{
    public FieldPlan Plan { get; } = plan;

    public object?[] Values { get; } = values;
}

/// <summary>A leaf value that is not a JSON primitive (e.g. a pass-through scalar returning a dictionary).</summary>
internal sealed class RawLeaf(object value)
{
    public object Value { get; } = value;
}

/// <summary>Markers used inside the result tree.</summary>
internal static class ResultMarkers
{
    /// <summary>A null that must propagate to the nearest nullable parent (its error is already recorded).</summary>
    public static readonly object Bubble = new();

    /// <summary>A selected field that does not exist on the type (only without validation): omitted.</summary>
    public static readonly object Skip = new();
}

/// <summary>Writes the result tree straight to a <see cref="Utf8JsonWriter"/> in selection order.</summary>
internal static class ResultWriter
{
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                // Not WriteStringValue: its encoders escape what JSON.stringify does not (see JavaScriptJson).
                JavaScriptJson.WriteString(writer, s);
                break;
            case ResultMap map:
                writer.WriteStartObject();
                var entries = map.Plan.Entries;
                var values = map.Values;
                for (var i = 0; i < entries.Length; i++)
                {
                    var item = values[i];
                    if (ReferenceEquals(item, ResultMarkers.Skip))
                    {
                        continue;
                    }
                    writer.WritePropertyName(entries[i].EncodedKey);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case object?[] list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case double d:
                JsonNumbers.WriteDouble(writer, d);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case RawLeaf raw:
                JsonValueWriter.Write(writer, raw.Value);
                break;
            default:
                JsonValueWriter.Write(writer, value);
                break;
        }
    }
}
