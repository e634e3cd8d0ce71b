using System.Text.Json;
using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Types;

/// <summary>
/// A scalar type: leaf values with three coercions (spec §3.5): result coercion (<see cref="Serialize"/>),
/// variable coercion (<see cref="ParseValue"/>) and literal coercion (<see cref="ParseLiteral"/>). Each throws
/// <see cref="CoercionException"/> with a precise message when a value cannot be represented.
/// </summary>
public abstract class ScalarType : NamedType
{
    /// <summary>Creates a scalar.</summary>
    protected ScalarType(string name)
        : base(name)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The URL of the scalar's specification (<c>@specifiedBy</c>), or null.</summary>
    public string? SpecifiedByUrl { get; set; }

    /// <summary>
    /// Result coercion: a resolver's value → a JSON-ready value (string, bool, int, long, double or decimal).
    /// </summary>
    public abstract object Serialize(object value);

    /// <summary>
    /// Variable coercion: a non-null JSON value (string, bool, long, double; lists and dictionaries for
    /// structured input) → the internal value.
    /// </summary>
    public abstract object ParseValue(object input);

    /// <summary>Literal coercion: a non-null, variable-free literal → the internal value.</summary>
    public abstract object ParseLiteral(ValueNode literal);

    /// <summary>Writes the serialized value. Overridden by the built-ins to avoid boxing and to format floats like JavaScript.</summary>
    public virtual void Write(Utf8JsonWriter writer, object value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteSerialized(writer, Serialize(value));
    }

    /// <summary>Writes an already serialized value.</summary>
    protected static void WriteSerialized(Utf8JsonWriter writer, object serialized)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (serialized)
        {
            case double d:
                JsonNumbers.WriteDouble(writer, d);
                break;
            default:
                JsonValueWriter.Write(writer, serialized);
                break;
        }
    }

    /// <summary>Converts a serialized value back into a literal (for printing default values). Null when not representable.</summary>
    public virtual ValueNode? ToLiteral(object serialized) => serialized switch
    {
        string s => new StringValueNode(s),
        bool b => new BooleanValueNode(b),
        int i => new IntValueNode(i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        long l => new IntValueNode(l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        decimal m => decimal.Truncate(m) == m && !m.ToString(System.Globalization.CultureInfo.InvariantCulture).Contains('.', StringComparison.Ordinal)
            ? new IntValueNode(m.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : new FloatValueNode(m.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        double d => JsonNumbers.IsIntegral(d)
            ? new IntValueNode(Utilities.Inspect.JsNumber(d))
            : new FloatValueNode(Utilities.Inspect.JsNumber(d)),
        _ => null,
    };
}

/// <summary>Number helpers shared by the scalars: JavaScript-compatible formatting and integral checks.</summary>
public static class JsonNumbers
{
    /// <summary>Writes a double the way JavaScript's JSON.stringify does (e.g. <c>1e+21</c>, <c>0.1</c>, <c>5</c>).</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (JsonNumbers.IsIntegral(value) && Math.Abs(value) < 1e15)
        {
            writer.WriteNumberValue((long)value);
            return;
        }
        writer.WriteRawValue(Utilities.Inspect.JsNumber(value), skipInputValidation: true);
    }

    /// <summary>True for finite doubles without a fractional part.</summary>
    public static bool IsIntegral(double value) => double.IsFinite(value) && Math.Floor(value) == value;
}
