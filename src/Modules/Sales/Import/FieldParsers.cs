namespace RfmGraph.Sales.Import;

/// <summary>
/// Allocation-free parsers for the typed CSV columns. Each returns a reason (for the error report)
/// instead of throwing, because a bad value is an expected outcome of reading user files.
/// </summary>
internal static class FieldParsers
{
    private const long MaxCents = 999_999_999_999_999_999; // numeric(18,2): 16 digits before the point, 2 after

    /// <summary>Trims ASCII spaces and tabs; quoted values keep inner spacing.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value) =>
        value.IsEmpty || (value[0] is not (byte)' ' and not (byte)'\t' && value[^1] is not (byte)' ' and not (byte)'\t')
            ? value // the usual case, decided without a search
            : value.Trim(" \t"u8);

    /// <summary>
    /// ISO 8601 date and time with a UTC offset: <c>2025-03-01T14:05:00Z</c>, <c>2025-03-01T14:05:00.123+02:00</c>,
    /// <c>2025-03-01 14:05+0200</c>. Seconds and fractions (up to 7 digits) are optional; the offset is not.
    /// </summary>
    public static string? TryParseTimestamp(ReadOnlySpan<byte> s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 16)
        {
            return s.Length == 10 ? "a date without time and UTC offset; expected e.g. 2025-03-01T14:05:00Z" : "not an ISO 8601 date and time (expected e.g. 2025-03-01T14:05:00Z)";
        }

        if (!Digits(s, 0, 4, out var year) || s[4] != '-' || !Digits(s, 5, 2, out var month) || s[7] != '-'
            || !Digits(s, 8, 2, out var day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')
            || !Digits(s, 11, 2, out var hour) || s[13] != ':' || !Digits(s, 14, 2, out var minute))
        {
            return "not an ISO 8601 date and time (expected e.g. 2025-03-01T14:05:00Z)";
        }

        var i = 16;
        var second = 0;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == ':')
        {
            if (!Digits(s, i + 1, 2, out second))
            {
                return "not an ISO 8601 date and time (bad seconds)";
            }

            i += 3;
            if (i < s.Length && (s[i] == '.' || s[i] == ','))
            {
                i++;
                var digits = 0;
                long scale = TimeSpan.TicksPerSecond;
                while (i < s.Length && (uint)(s[i] - '0') <= 9)
                {
                    if (digits < 7)
                    {
                        scale /= 10;
                        fractionTicks += (s[i] - '0') * scale;
                    }

                    digits++;
                    i++;
                }

                if (digits == 0)
                {
                    return "not an ISO 8601 date and time (empty fraction of a second)";
                }
            }
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return "not a valid calendar date and time";
        }

        if (i >= s.Length)
        {
            return "missing UTC offset (add Z or e.g. +02:00)";
        }

        int offsetMinutes;
        if (s[i] is (byte)'Z' or (byte)'z')
        {
            offsetMinutes = 0;
            i++;
        }
        else if (s[i] is (byte)'+' or (byte)'-')
        {
            var sign = s[i] == '-' ? -1 : 1;
            if (!Digits(s, i + 1, 2, out var offsetHours))
            {
                return "bad UTC offset (expected Z, +HH:MM or -HH:MM)";
            }

            i += 3;
            var offsetMins = 0;
            if (i < s.Length)
            {
                if (s[i] == ':')
                {
                    i++;
                }

                if (!Digits(s, i, 2, out offsetMins))
                {
                    return "bad UTC offset (expected Z, +HH:MM or -HH:MM)";
                }

                i += 2;
            }

            if (offsetHours > 14 || offsetMins > 59)
            {
                return "UTC offset out of range";
            }

            offsetMinutes = sign * ((offsetHours * 60) + offsetMins);
        }
        else
        {
            return "missing UTC offset (add Z or e.g. +02:00)";
        }

        if (i != s.Length)
        {
            return "unexpected text after the UTC offset";
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return "date out of range";
        }

        utc = new DateTime(ticks, DateTimeKind.Utc);
        return null;
    }

    /// <summary>A non-negative decimal with '.' and at most two decimals, as cents (exact, no rounding).</summary>
    public static string? TryParseAmount(ReadOnlySpan<byte> s, out long amountCents)
    {
        amountCents = 0;
        if (s.IsEmpty)
        {
            return "empty; an amount is required";
        }

        var i = 0;
        if (s[0] == '+')
        {
            i++;
        }
        else if (s[0] == '-')
        {
            return "negative amount; record a refund as status refunded with a positive amount";
        }

        long cents = 0;
        var integerDigits = 0;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            cents = (cents * 10) + (s[i] - '0');
            integerDigits++;
            i++;
            if (integerDigits > 16)
            {
                return "amount too large (at most 16 digits before the decimal point)";
            }
        }

        var decimals = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                if (++decimals > 2)
                {
                    return "more than two decimal places";
                }

                cents = (cents * 10) + (s[i] - '0');
                i++;
            }

            if (decimals == 0 && integerDigits == 0)
            {
                return "not a number (expected e.g. 123.45)";
            }
        }

        if (i != s.Length || integerDigits + decimals == 0)
        {
            return s.Contains((byte)',') && !s.Contains((byte)'.')
                ? "decimal comma; use '.' as the decimal separator (e.g. 123.45)"
                : "not a number (expected e.g. 123.45, '.' as decimal separator, no thousands separators)";
        }

        for (; decimals < 2; decimals++)
        {
            cents *= 10;
        }

        if (cents > MaxCents)
        {
            return "amount too large";
        }

        amountCents = cents;
        return null;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(s[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
