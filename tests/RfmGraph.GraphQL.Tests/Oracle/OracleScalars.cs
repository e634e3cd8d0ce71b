using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Oracle;

// The oracle's four custom scalars, to the contract in tests/Conformance/oracle/README.md ("Custom scalars").
// They deliberately replace the engine's own DateTime/Date/Decimal/Long (which have other rules) so both
// implementations accept, reject and print exactly the same values with the same fixed messages.

/// <summary>An instant: ISO text in UTC with milliseconds out; RFC 3339 with an offset in. Internal: a UTC DateTimeOffset.</summary>
internal sealed partial class OracleDateTimeScalar : ScalarType
{
    private const long MaxOffsetMinutes = 14 * 60;

    // The last representable millisecond, as the contract bounds instants to 0001-01-01 … 9999-12-31T23:59:59.999Z.
    private static readonly long MaxUtcTicks = new DateTime(9999, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc).Ticks;

    public OracleDateTimeScalar()
        : base("DateTime")
    {
        Description = "An instant in time. Serialized in UTC as `YYYY-MM-DDTHH:mm:ss.sssZ`; accepts RFC 3339 date-time strings with an offset.";
        SpecifiedByUrl = "https://www.rfc-editor.org/rfc/rfc3339";
    }

    public override object Serialize(object value) => value switch
    {
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        _ => throw new CoercionException("DateTime cannot serialize a non-date value."),
    };

    public override object ParseValue(object input) =>
        input is string text ? Coerce(text) : throw new CoercionException("DateTime cannot represent a non-string value.");

    public override object ParseLiteral(ValueNode literal) =>
        literal is StringValueNode text ? Coerce(text.Value) : throw new CoercionException("DateTime cannot represent a non-string value.");

    private static DateTimeOffset Coerce(string text) =>
        TryParse(text) ?? throw new CoercionException($"DateTime cannot represent an invalid date-time string: {OracleJson.Quote(text)}.");

    /// <summary>Parses the contract's date-time shape, or returns null.</summary>
    private static DateTimeOffset? TryParse(string text)
    {
        var match = DateTimePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        int Part(int group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);
        int year = Part(1), month = Part(2), day = Part(3), hour = Part(4), minute = Part(5), second = Part(6);
        if (!OracleCalendar.IsValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }
        // Fraction digits beyond milliseconds are truncated, never rounded (README).
        var fraction = match.Groups[7].Success ? match.Groups[7].Value : string.Empty;
        var millis = fraction.Length == 0 ? 0 : int.Parse(fraction.Length >= 3 ? fraction[..3] : fraction.PadRight(3, '0'), CultureInfo.InvariantCulture);
        long offsetMinutes = 0;
        if (match.Groups[8].Value != "Z")
        {
            var offsetHours = Part(10);
            var offsetMinutePart = Part(11);
            if (offsetMinutePart > 59)
            {
                return null;
            }
            offsetMinutes = (offsetHours * 60 + offsetMinutePart) * (match.Groups[9].Value == "-" ? -1 : 1);
            if (Math.Abs(offsetMinutes) > MaxOffsetMinutes)
            {
                return null;
            }
        }
        var localTicks = new DateTime(year, month, day, hour, minute, second, millis, DateTimeKind.Unspecified).Ticks;
        var utcTicks = localTicks - offsetMinutes * TimeSpan.TicksPerMinute;
        if (utcTicks < 0 || utcTicks > MaxUtcTicks)
        {
            return null;
        }
        return new DateTimeOffset(utcTicks, TimeSpan.Zero);
    }

    // [0-9] rather than \d: .NET's \d also matches non-ASCII digits, JavaScript's does not. \z: .NET's $ would
    // also match before a final newline.
    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?(Z|([+-])([0-9]{2}):([0-9]{2}))\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}

/// <summary>A calendar date <c>YYYY-MM-DD</c>; internal value: the same text.</summary>
internal sealed partial class OracleDateScalar : ScalarType
{
    public OracleDateScalar()
        : base("Date")
    {
        Description = "A calendar date without time zone, `YYYY-MM-DD`.";
    }

    public override object Serialize(object value) => Coerce(value);

    public override object ParseValue(object input) => Coerce(input);

    public override object ParseLiteral(ValueNode literal) =>
        literal is StringValueNode text ? Coerce(text.Value) : throw new CoercionException("Date cannot represent a non-string value.");

    private static string Coerce(object value)
    {
        if (value is not string text)
        {
            throw new CoercionException("Date cannot represent a non-string value.");
        }
        var match = DatePattern().Match(text);
        if (!match.Success || !OracleCalendar.IsValidDate(
            int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture)))
        {
            throw new CoercionException($"Date cannot represent an invalid date string: {OracleJson.Quote(text)}.");
        }
        return text;
    }

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}

/// <summary>An exact decimal, written as a canonical plain-notation string; internal value: that string.</summary>
internal sealed partial class OracleDecimalScalar : ScalarType
{
    private const int MaxScale = 28;

    // 2^96 - 1: System.Decimal's mantissa, so every accepted value is held exactly.
    private static readonly BigInteger MaxMantissa = BigInteger.Parse("79228162514264337593543950335", CultureInfo.InvariantCulture);

    public OracleDecimalScalar()
        : base("Decimal")
    {
        Description = "An exact decimal number, serialized as a string in plain notation.";
    }

    public override object Serialize(object value) => value switch
    {
        string text => CoerceText(text),
        decimal number => CoerceText(number.ToString(CultureInfo.InvariantCulture)),
        _ => throw new CoercionException("Decimal cannot represent a value that is neither a string nor a number."),
    };

    public override object ParseValue(object input) => input switch
    {
        string text => CoerceText(text),
        // A fractional JSON number has already been through binary floating point in a JavaScript client, so
        // only integers that survive that exactly are accepted (README).
        long or int or double => OracleJson.SafeInteger(input) is { } integer
            ? CoerceText(integer.ToString(CultureInfo.InvariantCulture))
            : throw new CoercionException("Decimal accepts a JSON number only when it is an integer within ±(2^53-1); send other values as strings."),
        _ => throw new CoercionException("Decimal cannot represent a value that is neither a string nor a number."),
    };

    public override object ParseLiteral(ValueNode literal) => literal switch
    {
        // Int and Float literals are exact text in the document, unlike JSON numbers in variables.
        StringValueNode text => CoerceText(text.Value),
        IntValueNode integer => CoerceText(integer.Value),
        FloatValueNode number when number.Value.Contains('e', StringComparison.OrdinalIgnoreCase) =>
            throw new CoercionException($"Decimal cannot represent a number in exponent notation: {number.Value}."),
        FloatValueNode number => CoerceText(number.Value),
        _ => throw new CoercionException("Decimal cannot represent a value that is neither a string nor a number."),
    };

    /// <summary>The canonical text of a decimal string, or null when it is malformed or out of range.</summary>
    public static string? Normalize(string text)
    {
        if (!DecimalPattern().IsMatch(text))
        {
            return null;
        }
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        var point = body.IndexOf('.', StringComparison.Ordinal);
        var integerPart = (point < 0 ? body : body[..point]).TrimStart('0');
        var fractionPart = point < 0 ? string.Empty : body[(point + 1)..].TrimEnd('0');
        if (integerPart.Length == 0)
        {
            integerPart = "0";
        }
        if (fractionPart.Length > MaxScale || BigInteger.Parse(integerPart + fractionPart, CultureInfo.InvariantCulture) > MaxMantissa)
        {
            return null;
        }
        var canonical = fractionPart.Length > 0 ? integerPart + "." + fractionPart : integerPart;
        return negative && canonical != "0" ? "-" + canonical : canonical;
    }

    private static string CoerceText(string text) =>
        Normalize(text) ?? throw new CoercionException($"Decimal cannot represent an invalid or out-of-range decimal string: {OracleJson.Quote(text)}.");

    [GeneratedRegex(@"^-?[0-9]+(?:\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();
}

/// <summary>A signed 64-bit integer, written as a JSON number with all its digits; internal value: long.</summary>
internal sealed partial class OracleLongScalar : ScalarType
{
    public OracleLongScalar()
        : base("Long")
    {
        Description = "A signed 64-bit integer, serialized as a JSON number.";
    }

    // Resolvers hand over 64-bit values (graphql-js: BigInt), which are written with all their digits.
    public override object Serialize(object value) => value switch
    {
        long l => l,
        int i => (long)i,
        _ => Coerce(value),
    };

    public override object ParseValue(object input) => Coerce(input);

    public override object ParseLiteral(ValueNode literal) => literal switch
    {
        IntValueNode integer => CoerceText(integer.Value),
        StringValueNode text => CoerceText(text.Value),
        _ => throw new CoercionException("Long cannot represent a value that is neither an integer nor a string."),
    };

    private static long Coerce(object value) => value switch
    {
        string text => CoerceText(text),
        long or int or double => OracleJson.SafeInteger(value)
            ?? throw new CoercionException("Long accepts a JSON number only when it is an integer within ±(2^53-1); send larger values as strings."),
        _ => throw new CoercionException("Long cannot represent a value that is neither a number nor a string."),
    };

    private static long CoerceText(string text) =>
        IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CoercionException($"Long cannot represent an invalid or out-of-range integer string: {OracleJson.Quote(text)}.");

    [GeneratedRegex(@"^-?[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();
}

/// <summary>Gregorian calendar checks shared by DateTime and Date.</summary>
internal static class OracleCalendar
{
    public static bool IsValidDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}

/// <summary>JavaScript's view of JSON values, as the graphql-js side of the oracle sees them.</summary>
internal static class OracleJson
{
    private const long MaxSafeInteger = 9007199254740991; // 2^53 - 1, Number.MAX_SAFE_INTEGER

    /// <summary>The value when it is a number for which JavaScript's <c>Number.isSafeInteger</c> holds, else null.</summary>
    public static long? SafeInteger(object number) => number switch
    {
        int i => i,
        long l when Math.Abs(l) <= MaxSafeInteger => l,
        double d when double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) <= MaxSafeInteger => (long)d,
        _ => null,
    };

    /// <summary><c>JSON.stringify(text)</c>: quotes and escapes only what JavaScript escapes.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    var lone = char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]));
                    if (c < ' ' || lone)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
