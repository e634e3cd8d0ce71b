using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace RfmGraph.Platform.Redis;

/// <summary>
/// RESP encoding of commands (always arrays of bulk strings, the form every Redis accepts) and parsing of replies.
/// The parser is incremental: it reports "not yet" on a partial reply so the reader can wait for more bytes.
/// </summary>
internal static class RespProtocol
{
    private const int MaxBulkLength = 512 * 1024 * 1024; // Redis' own proto-max-bulk-len default
    private const int MaxDepth = 64;

    /// <summary>Writes <c>*N\r\n</c> followed by one <c>$len\r\npayload\r\n</c> per argument.</summary>
    public static void WriteCommand(IBufferWriter<byte> output, IReadOnlyList<ReadOnlyMemory<byte>> arguments)
    {
        WriteHeader(output, (byte)'*', arguments.Count);
        foreach (var argument in arguments)
        {
            WriteHeader(output, (byte)'$', argument.Length);
            output.Write(argument.Span);
            output.Write("\r\n"u8);
        }
    }

    private static void WriteHeader(IBufferWriter<byte> output, byte prefix, int length)
    {
        var span = output.GetSpan(16);
        span[0] = prefix;
        Utf8Formatter.TryFormat(length, span[1..], out var written);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        output.Advance(3 + written);
    }

    /// <summary>
    /// Parses one complete reply from the start of <paramref name="reader"/>; false (reader untouched) when the
    /// buffer ends inside it. Malformed input throws <see cref="RedisConnectionException"/>: the stream cannot be
    /// resynchronised, so the connection is dropped.
    /// </summary>
    public static bool TryParse(ref SequenceReader<byte> reader, out RespValue value)
    {
        var start = reader;
        if (TryParse(ref reader, 0, out value))
        {
            return true;
        }
        reader = start;
        return false;
    }

    private static bool TryParse(ref SequenceReader<byte> reader, int depth, out RespValue value)
    {
        value = RespValue.Nil;
        if (depth > MaxDepth)
        {
            throw new RedisConnectionException("Redis sent a reply nested deeper than " + MaxDepth + " levels.");
        }
        if (!reader.TryRead(out var prefix) || !TryReadLine(ref reader, out var line))
        {
            return false;
        }

        switch (prefix)
        {
            case (byte)'+':
                value = RespValue.Simple(line.ToArray());
                return true;
            case (byte)'-':
                value = RespValue.Error(line.ToArray());
                return true;
            case (byte)':':
                value = RespValue.FromInteger(ParseInteger(line));
                return true;
            case (byte)'_':
                value = RespValue.Nil;
                return true;
            case (byte)'#':
                value = RespValue.FromBoolean(line.Length == 1 && line.FirstSpan[0] == (byte)'t');
                return true;
            case (byte)',':
            case (byte)'(':
                value = RespValue.FromDouble(line.ToArray());
                return true;
            case (byte)'$':
            case (byte)'=':
            case (byte)'!':
                return TryReadBulk(ref reader, ParseInteger(line), prefix == (byte)'!', out value);
            case (byte)'*':
            case (byte)'~':
            case (byte)'>':
            case (byte)'%':
            case (byte)'|':
                var count = ParseInteger(line);
                if (count < 0)
                {
                    value = RespValue.Nil;
                    return true;
                }
                if (prefix is (byte)'%' or (byte)'|')
                {
                    count *= 2;
                }
                if (count > MaxBulkLength)
                {
                    throw new RedisConnectionException($"Redis announced an aggregate of {count} elements.");
                }
                var items = new RespValue[count];
                for (var i = 0; i < count; i++)
                {
                    if (!TryParse(ref reader, depth + 1, out items[i]))
                    {
                        return false;
                    }
                }
                if (prefix == (byte)'|')
                {
                    // An attribute annotates the reply that follows it; nothing here uses attributes.
                    return TryParse(ref reader, depth, out value);
                }
                value = RespValue.FromItems(prefix == (byte)'>' ? RespKind.Push : RespKind.Array, items);
                return true;
            default:
                throw new RedisConnectionException($"Redis sent an unknown reply type '{(char)prefix}'.");
        }
    }

    private static bool TryReadBulk(ref SequenceReader<byte> reader, long length, bool isError, out RespValue value)
    {
        value = RespValue.Nil;
        if (length < 0)
        {
            return true;
        }
        if (length > MaxBulkLength)
        {
            throw new RedisConnectionException($"Redis announced a bulk string of {length} bytes.");
        }
        if (reader.Remaining < length + 2)
        {
            return false;
        }
        var bytes = new byte[length];
        reader.TryCopyTo(bytes);
        reader.Advance(length);
        if (!reader.IsNext("\r\n"u8, advancePast: true))
        {
            throw new RedisConnectionException("A bulk string from Redis did not end with CRLF.");
        }
        value = isError ? RespValue.Error(bytes) : RespValue.Bulk(bytes);
        return true;
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line) =>
        reader.TryReadTo(out line, "\r\n"u8, advancePastDelimiter: true);

    private static long ParseInteger(ReadOnlySequence<byte> line)
    {
        Span<byte> buffer = stackalloc byte[24];
        if (line.Length > buffer.Length)
        {
            throw new RedisConnectionException("Redis sent a number longer than 24 digits.");
        }
        line.CopyTo(buffer);
        var text = buffer[..(int)line.Length];
        if (!Utf8Parser.TryParse(text, out long number, out var consumed) || consumed != text.Length)
        {
            throw new RedisConnectionException($"Redis sent '{Encoding.ASCII.GetString(text)}' where a number belongs.");
        }
        return number;
    }
}
