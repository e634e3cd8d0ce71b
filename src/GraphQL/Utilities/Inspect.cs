using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RfmGraph.GraphQL.Utilities;

/// <summary>
/// Formats values for error messages the way graphql-js's <c>inspect</c> does (strings JSON-quoted,
/// numbers in JavaScript notation, objects as <c>{ a: 1 }</c>, lists as <c>[1, 2]</c>), so messages match.
/// </summary>
public static class Inspect
{
    /// <summary>Formats a CLR value (input values are dictionaries, lists and primitives).</summary>
    public static string Value(object? value) => Format(value, 0);

    /// <summary>Formats a double as JavaScript's <c>Number.prototype.toString</c> would.</summary>
    public static string JsNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return "0";
        }
        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = roundTrip[0] == '-';
        if (negative)
        {
            roundTrip = roundTrip[1..];
        }
        var exponentIndex = roundTrip.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentIndex >= 0 ? roundTrip[..exponentIndex] : roundTrip;
        var exponent = exponentIndex >= 0 ? int.Parse(roundTrip[(exponentIndex + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point >= 0 ? mantissa.Remove(point, 1) : mantissa;
        var intDigits = point >= 0 ? point : mantissa.Length;
        // Normalize to digits d1..dk and n such that value = 0.d1..dk × 10^n.
        var leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }
        digits = digits[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }
        var n = intDigits - leadingZeros + exponent;
        var k = digits.Length;
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }
        if (k <= n && n <= 21)
        {
            builder.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            builder.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            builder.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            builder.Append(digits[0]);
            if (k > 1)
            {
                builder.Append('.').Append(digits, 1, k - 1);
            }
            builder.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static string Format(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                // JSON.stringify: JsonSerializer's default encoder would write "+" as "\u002B".
                return JavaScriptJson.Quote(s);
            case bool b:
                return b ? "true" : "false";
            case double d:
                return JsNumber(d);
            case float f:
                return JsNumber(f);
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                return Convert.ToString(value, CultureInfo.InvariantCulture)!;
            case decimal m:
                return m.ToString(CultureInfo.InvariantCulture);
            case Enum e:
                return e.ToString();
            case JsonElement element:
                return element.GetRawText();
            case IReadOnlyDictionary<string, object?> map:
                if (map.Count == 0)
                {
                    return "{}";
                }
                if (depth >= 2)
                {
                    return "[Object]";
                }
                return "{ " + string.Join(", ", map.Select(p => p.Key + ": " + Format(p.Value, depth + 1))) + " }";
            case IEnumerable sequence:
                var items = sequence.Cast<object?>().ToList();
                if (items.Count == 0)
                {
                    return "[]";
                }
                if (depth >= 2)
                {
                    return "[Array]";
                }
                var shown = items.Take(10).Select(i => Format(i, depth + 1)).ToList();
                var remaining = items.Count - shown.Count;
                if (remaining == 1)
                {
                    shown.Add("... 1 more item");
                }
                else if (remaining > 1)
                {
                    shown.Add($"... {remaining} more items");
                }
                return "[" + string.Join(", ", shown) + "]";
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            default:
                return value.ToString() ?? string.Empty;
        }
    }
}
