using System.Globalization;
using System.Text.Json;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Types;

/// <summary>The scalars every schema has (spec §3.5) plus the engine's DateTime, Date, Decimal and Long.</summary>
public static class Scalars
{
    /// <summary>32-bit signed integer.</summary>
    public static ScalarType Int { get; } = new IntScalar();

    /// <summary>IEEE 754 double.</summary>
    public static ScalarType Float { get; } = new FloatScalar();

    /// <summary>UTF-8 text.</summary>
    public static ScalarType String { get; } = new StringScalar();

    /// <summary>true / false.</summary>
    public static ScalarType Boolean { get; } = new BooleanScalar();

    /// <summary>Opaque identifier, serialized as a string; accepts string or integer input.</summary>
    public static ScalarType ID { get; } = new IdScalar();

    /// <summary>RFC 3339 date-time with offset (<see cref="DateTimeOffset"/>).</summary>
    public static ScalarType DateTime { get; } = new DateTimeScalar();

    /// <summary>RFC 3339 full-date <c>yyyy-MM-dd</c> (<see cref="DateOnly"/>).</summary>
    public static ScalarType Date { get; } = new DateScalar();

    /// <summary>Exact decimal (<see cref="decimal"/>): JSON number out; number or numeric string in.</summary>
    public static ScalarType Decimal { get; } = new DecimalScalar();

    /// <summary>64-bit signed integer (<see cref="long"/>), serialized as a JSON number.</summary>
    public static ScalarType Long { get; } = new LongScalar();

    /// <summary>The five scalars the spec defines (they need not be declared in SDL).</summary>
    public static IReadOnlyList<ScalarType> Specified { get; } = [String, Int, Float, Boolean, ID];

    /// <summary>The engine's extra scalars (added to a schema only when used).</summary>
    public static IReadOnlyList<ScalarType> Extended { get; } = [DateTime, Date, Decimal, Long];

    /// <summary>True for String, Int, Float, Boolean and ID.</summary>
    public static bool IsSpecified(NamedType type) => type is ScalarType && Specified.Any(s => s.Name == type.Name);

    /// <summary>Converts a CLR number to double when it is one (null otherwise).</summary>
    internal static double? AsNumber(object value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        _ => null,
    };

    /// <summary>JavaScript's Number(string) for the strings result coercion accepts.</summary>
    internal static double JsNumberFromString(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return 0;
        }
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
    }
}

internal sealed class IntScalar : ScalarType
{
    public IntScalar()
        : base("Int")
    {
        Description = "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.";
    }

    public override object Serialize(object value) => SerializeInt(value);

    public override void Write(Utf8JsonWriter writer, object value)
    {
        if (value is int i)
        {
            writer.WriteNumberValue(i);
            return;
        }
        writer.WriteNumberValue(SerializeInt(value));
    }

    private static int SerializeInt(object value)
    {
        if (value is int i)
        {
            return i;
        }
        if (value is bool b)
        {
            return b ? 1 : 0;
        }
        if (value is long l)
        {
            return l is >= int.MinValue and <= int.MaxValue
                ? (int)l
                : throw new CoercionException($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(value)}");
        }
        var number = value is string s && s.Length > 0 ? Scalars.JsNumberFromString(s) : Scalars.AsNumber(value);
        if (number is not { } n || !JsonNumbers.IsIntegral(n))
        {
            throw new CoercionException($"Int cannot represent non-integer value: {Inspect.Value(value)}");
        }
        if (n is > int.MaxValue or < int.MinValue)
        {
            throw new CoercionException($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(value)}");
        }
        return (int)n;
    }

    public override object ParseValue(object input)
    {
        var number = input is bool ? null : Scalars.AsNumber(input);
        if (number is not { } n || !JsonNumbers.IsIntegral(n))
        {
            throw new CoercionException($"Int cannot represent non-integer value: {Inspect.Value(input)}");
        }
        if (n is > int.MaxValue or < int.MinValue)
        {
            throw new CoercionException($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(input)}");
        }
        return (int)n;
    }

    public override object ParseLiteral(ValueNode literal)
    {
        if (literal is not IntValueNode intValue)
        {
            throw new CoercionException($"Int cannot represent non-integer value: {Printer.Print(literal)}");
        }
        if (!int.TryParse(intValue.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
        {
            throw new CoercionException($"Int cannot represent non 32-bit signed integer value: {intValue.Value}");
        }
        return result;
    }
}

internal sealed class FloatScalar : ScalarType
{
    public FloatScalar()
        : base("Float")
    {
        Description = "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).";
    }

    public override object Serialize(object value) => SerializeDouble(value);

    public override void Write(Utf8JsonWriter writer, object value) => JsonNumbers.WriteDouble(writer, SerializeDouble(value));

    private static double SerializeDouble(object value)
    {
        if (value is double d0 && double.IsFinite(d0))
        {
            return d0;
        }
        if (value is bool b)
        {
            return b ? 1 : 0;
        }
        var number = value is string s && s.Length > 0 ? Scalars.JsNumberFromString(s) : Scalars.AsNumber(value);
        if (number is not { } n || !double.IsFinite(n))
        {
            throw new CoercionException($"Float cannot represent non numeric value: {Inspect.Value(value)}");
        }
        return n;
    }

    public override object ParseValue(object input)
    {
        var number = input is bool ? null : Scalars.AsNumber(input);
        if (number is not { } n || !double.IsFinite(n))
        {
            throw new CoercionException($"Float cannot represent non numeric value: {Inspect.Value(input)}");
        }
        return n;
    }

    public override object ParseLiteral(ValueNode literal) => literal switch
    {
        IntValueNode i => double.Parse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new CoercionException($"Float cannot represent non numeric value: {Printer.Print(literal)}"),
    };
}

internal sealed class StringScalar : ScalarType
{
    public StringScalar()
        : base("String")
    {
        Description = "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.";
    }

    public override object Serialize(object value) => SerializeString(value);

    public override void Write(Utf8JsonWriter writer, object value) => JavaScriptJson.WriteString(writer, SerializeString(value));

    private static string SerializeString(object value)
    {
        switch (value)
        {
            case string s:
                return s;
            case bool b:
                return b ? "true" : "false";
            case char c:
                return c.ToString();
            case Guid g:
                return g.ToString();
        }
        if (Scalars.AsNumber(value) is { } n && double.IsFinite(n))
        {
            return value is double or float ? Inspect.JsNumber(n) : Convert.ToString(value, CultureInfo.InvariantCulture)!;
        }
        throw new CoercionException($"String cannot represent value: {Inspect.Value(value)}");
    }

    public override object ParseValue(object input) =>
        input as string ?? throw new CoercionException($"String cannot represent a non string value: {Inspect.Value(input)}");

    public override object ParseLiteral(ValueNode literal) =>
        (literal as StringValueNode)?.Value ?? throw new CoercionException($"String cannot represent a non string value: {Printer.Print(literal)}");
}

internal sealed class BooleanScalar : ScalarType
{
    public BooleanScalar()
        : base("Boolean")
    {
        Description = "The `Boolean` scalar type represents `true` or `false`.";
    }

    public override object Serialize(object value) => SerializeBool(value);

    public override void Write(Utf8JsonWriter writer, object value) => writer.WriteBooleanValue(SerializeBool(value));

    private static bool SerializeBool(object value)
    {
        if (value is bool b)
        {
            return b;
        }
        if (Scalars.AsNumber(value) is { } n && double.IsFinite(n))
        {
            return n != 0;
        }
        throw new CoercionException($"Boolean cannot represent a non boolean value: {Inspect.Value(value)}");
    }

    public override object ParseValue(object input) =>
        input is bool b ? b : throw new CoercionException($"Boolean cannot represent a non boolean value: {Inspect.Value(input)}");

    public override object ParseLiteral(ValueNode literal) =>
        literal is BooleanValueNode b ? b.Value : throw new CoercionException($"Boolean cannot represent a non boolean value: {Printer.Print(literal)}");
}

internal sealed class IdScalar : ScalarType
{
    public IdScalar()
        : base("ID")
    {
        Description = "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.";
    }

    public override object Serialize(object value) => SerializeId(value);

    public override void Write(Utf8JsonWriter writer, object value) => JavaScriptJson.WriteString(writer, SerializeId(value));

    private static string SerializeId(object value)
    {
        switch (value)
        {
            case string s:
                return s;
            case Guid g:
                return g.ToString();
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                return Convert.ToString(value, CultureInfo.InvariantCulture)!;
        }
        if (Scalars.AsNumber(value) is { } n && JsonNumbers.IsIntegral(n))
        {
            return Inspect.JsNumber(n);
        }
        throw new CoercionException($"ID cannot represent value: {Inspect.Value(value)}");
    }

    public override object ParseValue(object input)
    {
        if (input is string s)
        {
            return s;
        }
        if (input is not bool && Scalars.AsNumber(input) is { } n && JsonNumbers.IsIntegral(n))
        {
            return input is long or int ? Convert.ToString(input, CultureInfo.InvariantCulture)! : Inspect.JsNumber(n);
        }
        throw new CoercionException($"ID cannot represent value: {Inspect.Value(input)}");
    }

    public override object ParseLiteral(ValueNode literal) => literal switch
    {
        StringValueNode s => s.Value,
        IntValueNode i => i.Value,
        _ => throw new CoercionException($"ID cannot represent a non-string and non-integer value: {Printer.Print(literal)}"),
    };
}

internal sealed class LongScalar : ScalarType
{
    public LongScalar()
        : base("Long")
    {
        Description = "The `Long` scalar type represents non-fractional signed whole numeric values between -(2^63) and 2^63 - 1, serialized as JSON numbers.";
    }

    public override object Serialize(object value) => SerializeLong(value);

    public override void Write(Utf8JsonWriter writer, object value) => writer.WriteNumberValue(SerializeLong(value));

    private static long SerializeLong(object value)
    {
        switch (value)
        {
            case long l:
                return l;
            case int i:
                return i;
            case bool b:
                return b ? 1 : 0;
            case decimal m when decimal.Truncate(m) == m && m is >= long.MinValue and <= long.MaxValue:
                return (long)m;
            case string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
        }
        return ToLong(value, value);
    }

    private static long ToLong(object value, object original)
    {
        if (value is ulong ul)
        {
            return ul <= long.MaxValue ? (long)ul : throw new CoercionException($"Long cannot represent non 64-bit signed integer value: {Inspect.Value(original)}");
        }
        if (value is long l)
        {
            return l;
        }
        if (value is int i)
        {
            return i;
        }
        var number = value is bool ? null : Scalars.AsNumber(value);
        if (number is not { } n || !JsonNumbers.IsIntegral(n))
        {
            throw new CoercionException($"Long cannot represent non-integer value: {Inspect.Value(original)}");
        }
        if (n >= 9.2233720368547758E+18 || n < -9.2233720368547758E+18)
        {
            throw new CoercionException($"Long cannot represent non 64-bit signed integer value: {Inspect.Value(original)}");
        }
        return (long)n;
    }

    public override object ParseValue(object input) => ToLong(input, input);

    public override object ParseLiteral(ValueNode literal)
    {
        if (literal is not IntValueNode intValue)
        {
            throw new CoercionException($"Long cannot represent non-integer value: {Printer.Print(literal)}");
        }
        if (!long.TryParse(intValue.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
        {
            throw new CoercionException($"Long cannot represent non 64-bit signed integer value: {intValue.Value}");
        }
        return result;
    }
}

internal sealed class DecimalScalar : ScalarType
{
    public DecimalScalar()
        : base("Decimal")
    {
        Description = "The `Decimal` scalar type represents exact decimal numbers (28-29 significant digits), serialized as JSON numbers. Input accepts numbers and numeric strings; send strings to keep every digit.";
    }

    public override object Serialize(object value) => SerializeDecimal(value);

    public override void Write(Utf8JsonWriter writer, object value) => writer.WriteNumberValue(SerializeDecimal(value));

    private static decimal SerializeDecimal(object value)
    {
        try
        {
            return value switch
            {
                decimal m => m,
                int i => i,
                long l => l,
                double d when double.IsFinite(d) => (decimal)d,
                float f when float.IsFinite(f) => (decimal)f,
                string s => ParseText(s, Inspect.Value(value)),
                _ => throw new CoercionException($"Decimal cannot represent non-numeric value: {Inspect.Value(value)}"),
            };
        }
        catch (OverflowException)
        {
            throw new CoercionException($"Decimal cannot represent out-of-range value: {Inspect.Value(value)}");
        }
    }

    public override object ParseValue(object input)
    {
        if (input is bool)
        {
            throw new CoercionException($"Decimal cannot represent non-numeric value: {Inspect.Value(input)}");
        }
        return SerializeDecimal(input);
    }

    public override object ParseLiteral(ValueNode literal)
    {
        var text = literal switch
        {
            IntValueNode i => i.Value,
            FloatValueNode f => f.Value,
            StringValueNode s => s.Value,
            _ => null,
        };
        return text is not null
            ? ParseText(text, Printer.Print(literal))
            : throw new CoercionException($"Decimal cannot represent non-numeric value: {Printer.Print(literal)}");
    }

    /// <summary>
    /// Numeric text without spaces or separators ("12.50", "-1e3"). A well-formed number that System.Decimal
    /// cannot hold ("1e30") is reported as out of range, so the client knows the value, not the format, is wrong.
    /// </summary>
    private static decimal ParseText(string text, string shown)
    {
        const NumberStyles Numeric = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (decimal.TryParse(text, Numeric, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }
        var wellFormed = text.Length > 0
            && text.AsSpan().IndexOfAnyExcept("0123456789+-.eE") < 0
            && double.TryParse(text, Numeric, CultureInfo.InvariantCulture, out _);
        throw new CoercionException(wellFormed
            ? $"Decimal cannot represent out-of-range value: {shown}"
            : $"Decimal cannot represent non-numeric value: {shown}");
    }

    public override ValueNode? ToLiteral(object serialized) =>
        serialized is decimal m ? new FloatValueNode(m.ToString(CultureInfo.InvariantCulture)) : base.ToLiteral(serialized);
}

internal sealed class DateTimeScalar : ScalarType
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd't'HH:mm:ssK", "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public DateTimeScalar()
        : base("DateTime")
    {
        Description = "A date-time string at UTC or with an offset, compliant with the `date-time` format of RFC 3339 (e.g. `2024-05-01T12:30:00Z`).";
        SpecifiedByUrl = "https://scalars.graphql.org/andimarek/date-time";
    }

    public override object Serialize(object value) => Format(value);

    public override void Write(Utf8JsonWriter writer, object value) => JavaScriptJson.WriteString(writer, Format(value));

    private static string Format(object value)
    {
        var offset = value switch
        {
            DateTimeOffset o => o,
            System.DateTime { Kind: DateTimeKind.Unspecified } d => new DateTimeOffset(System.DateTime.SpecifyKind(d, DateTimeKind.Utc)),
            System.DateTime d => new DateTimeOffset(d.ToUniversalTime()),
            string s => Parse(s, s),
            _ => throw new CoercionException($"DateTime cannot represent value: {Inspect.Value(value)}"),
        };
        var text = offset.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return offset.Offset == TimeSpan.Zero ? text + "Z" : text + offset.ToString("zzz", CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset Parse(string text, object original)
    {
        // RFC 3339 allows a lower-case "z"; the K format specifier only reads "Z".
        var normalized = text.EndsWith('z') ? text[..^1] + "Z" : text;
        if (normalized.Length >= 20 && System.DateTimeOffset.TryParseExact(normalized, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var result)
            && (normalized.EndsWith('Z') || normalized[^6] is '+' or '-'))
        {
            return result;
        }
        throw new CoercionException($"DateTime cannot represent an invalid date-time-string {Inspect.Value(original)}.");
    }

    public override object ParseValue(object input) =>
        input is string s ? Parse(s, s) : throw new CoercionException($"DateTime cannot represent non-string value: {Inspect.Value(input)}");

    public override object ParseLiteral(ValueNode literal) =>
        literal is StringValueNode s ? Parse(s.Value, s.Value) : throw new CoercionException($"DateTime cannot represent non-string value: {Printer.Print(literal)}");
}

internal sealed class DateScalar : ScalarType
{
    public DateScalar()
        : base("Date")
    {
        Description = "A calendar date without time, compliant with the `full-date` format of RFC 3339 (e.g. `2024-05-01`).";
    }

    public override object Serialize(object value) => Format(value);

    public override void Write(Utf8JsonWriter writer, object value) => JavaScriptJson.WriteString(writer, Format(value));

    private static string Format(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        System.DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s => Parse(s).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new CoercionException($"Date cannot represent value: {Inspect.Value(value)}"),
    };

    private static DateOnly Parse(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var result)
            ? result
            : throw new CoercionException($"Date cannot represent an invalid date-string {Inspect.Value(text)}.");

    public override object ParseValue(object input) =>
        input is string s ? Parse(s) : throw new CoercionException($"Date cannot represent non-string value: {Inspect.Value(input)}");

    public override object ParseLiteral(ValueNode literal) =>
        literal is StringValueNode s ? Parse(s.Value) : throw new CoercionException($"Date cannot represent non-string value: {Printer.Print(literal)}");
}

/// <summary>
/// A scalar defined only by name (e.g. from SDL without code): values pass through unchanged, literals
/// become their JSON-like CLR values — graphql-js's behaviour for a scalar without custom functions.
/// </summary>
public sealed class PassThroughScalar(string name) : ScalarType(name)
{
    /// <inheritdoc />
    public override object Serialize(object value) => value;

    /// <inheritdoc />
    public override object ParseValue(object input) => input;

    /// <inheritdoc />
    public override object ParseLiteral(ValueNode literal) => ValueCoercion.ValueFromAstUntyped(literal, null)!;
}
