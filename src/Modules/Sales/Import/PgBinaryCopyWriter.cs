using System.Buffers.Binary;

namespace RfmGraph.Sales.Import;

/// <summary>
/// Encodes rows in PostgreSQL's binary COPY format straight from the CSV bytes into a raw COPY stream.
/// Text values are the file's (validated) UTF-8 bytes, so no string is created per field; the server
/// decodes nothing but fixed-width integers. Format: the "Binary Format" section of the COPY manual page.
/// </summary>
internal sealed class PgBinaryCopyWriter
{
    /// <summary>DateTime ticks of 2000-01-01T00:00:00Z, the origin of PostgreSQL timestamps.</summary>
    private const long PostgresEpochTicks = 630_822_816_000_000_000;

    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly Stream _target;
    private readonly byte[] _buffer;
    private int _used;

    public PgBinaryCopyWriter(Stream target, int bufferSize = 1 << 17)
    {
        _target = target;
        _buffer = new byte[bufferSize];
        Header.CopyTo(_buffer, 0);
        _used = Header.Length;
    }

    /// <summary>PostgreSQL timestamptz value (microseconds since 2000-01-01 UTC) of a UTC DateTime.</summary>
    public static long ToPostgresTimestamp(DateTime utc) => (utc.Ticks - PostgresEpochTicks) / 10;

    public void StartRow(short fieldCount)
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), fieldCount);
        _used += 2;
    }

    public void WriteInt64(long value)
    {
        Reserve(12);
        var span = _buffer.AsSpan(_used);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
        _used += 12;
    }

    /// <summary>A timestamptz as microseconds since 2000-01-01 UTC (same wire layout as int8).</summary>
    public void WriteTimestamp(long postgresMicroseconds) => WriteInt64(postgresMicroseconds);

    public void WriteBoolean(bool value)
    {
        Reserve(5);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 1);
        _buffer[_used + 4] = value ? (byte)1 : (byte)0;
        _used += 5;
    }

    /// <summary>text, varchar or char(n): the value's UTF-8 bytes (the caller has validated them).</summary>
    public void WriteText(ReadOnlySpan<byte> utf8)
    {
        Reserve(4 + utf8.Length);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_used + 4));
        _used += 4 + utf8.Length;
    }

    public void WriteNull()
    {
        Reserve(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), -1);
        _used += 4;
    }

    /// <summary>
    /// A non-negative numeric with scale 2 given in cents: PostgreSQL's base-10000 digit groups
    /// (ndigits, weight, sign, dscale, digits), leading and trailing zero groups stripped as it stores them.
    /// </summary>
    public void WriteMoney(long cents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cents);
        Span<short> groups = stackalloc short[6];
        var count = 0;
        var fraction = (short)(cents % 100 * 100);
        var integer = cents / 100;
        Span<short> integerGroups = stackalloc short[5];
        var integerCount = 0;
        while (integer > 0)
        {
            integerGroups[integerCount++] = (short)(integer % 10_000);
            integer /= 10_000;
        }

        for (var i = integerCount - 1; i >= 0; i--)
        {
            groups[count++] = integerGroups[i];
        }

        groups[count++] = fraction;
        var weight = (short)(integerCount - 1);
        var first = 0;
        while (first < count && groups[first] == 0)
        {
            first++;
            weight--;
        }

        while (count > first && groups[count - 1] == 0)
        {
            count--;
        }

        var digits = count - first;
        if (digits == 0)
        {
            weight = 0;
        }

        var length = 8 + (2 * digits);
        Reserve(4 + length);
        var span = _buffer.AsSpan(_used);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)digits);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], weight);
        BinaryPrimitives.WriteInt16BigEndian(span[8..], 0);
        BinaryPrimitives.WriteInt16BigEndian(span[10..], 2);
        for (var i = 0; i < digits; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[(12 + (2 * i))..], groups[first + i]);
        }

        _used += 4 + length;
    }

    /// <summary>Writes the end-of-data marker and flushes; the caller then completes the COPY.</summary>
    public void Complete()
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), -1);
        _used += 2;
        Flush();
    }

    private void Reserve(int bytes)
    {
        if (_used + bytes > _buffer.Length)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _target.Write(_buffer, 0, _used);
        _used = 0;
    }
}
