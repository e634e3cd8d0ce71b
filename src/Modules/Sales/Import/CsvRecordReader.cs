using System.Text;

namespace RfmGraph.Sales.Import;

/// <summary>
/// Streams RFC 4180 records out of UTF-8 bytes without materialising strings: fields are spans
/// into a reusable buffer, so a file of any size is read in constant memory. Quoted fields may
/// hold commas, doubled quotes and line breaks; line numbers count physical lines, as an editor shows them.
/// </summary>
internal sealed class CsvRecordReader(Stream stream, int bufferSize = 1 << 20)
{
    private const byte Comma = (byte)',';
    private const byte Quote = (byte)'"';
    private const byte LineFeed = (byte)'\n';
    private const byte CarriageReturn = (byte)'\r';

    private byte[] _buffer = new byte[bufferSize];
    private int _position;
    private int _end;
    private bool _endOfStream;
    private bool _started;
    private long _nextLine = 1;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private bool[] _escaped = new bool[16];
    private bool _firstFieldQuoted;

    /// <summary>Bytes consumed from the stream so far (for progress).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Physical line on which the current record starts (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>Number of fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>True when the file ended inside a quoted field (the last record is then malformed).</summary>
    public bool UnterminatedQuote { get; private set; }

    /// <summary>The raw bytes of field <paramref name="index"/> of the current record, quotes removed.</summary>
    public ReadOnlySpan<byte> Field(int index)
    {
        var span = _buffer.AsSpan(_starts[index], _lengths[index]);
        if (_escaped[index])
        {
            // Collapse doubled quotes in place once; the unescaped text is never longer than the raw one.
            var write = 0;
            for (var read = 0; read < span.Length; read++)
            {
                span[write++] = span[read];
                if (span[read] == Quote)
                {
                    read++;
                }
            }

            _lengths[index] = write;
            _escaped[index] = false;
            span = span[..write];
        }

        return span;
    }

    /// <summary>The field decoded as text.</summary>
    public string FieldString(int index) => Encoding.UTF8.GetString(Field(index));

    /// <summary>Moves to the next record, skipping empty lines. False at the end of the file.</summary>
    public bool Read()
    {
        while (true)
        {
            if (_position >= _end && !Fill())
            {
                return false;
            }

            if (!_started)
            {
                _started = true;
                if (_buffer.AsSpan(_position, _end - _position).StartsWith("\uFEFF"u8))
                {
                    _position += 3;
                }
            }

            var outcome = TryParseRecord(out var consumed, out var lines);
            if (outcome == ParseOutcome.NeedMoreData)
            {
                if (!Fill())
                {
                    // The stream ended without a final line break: what is left is the last record.
                    outcome = TryParseRecord(out consumed, out lines, atEndOfStream: true);
                }
                else
                {
                    continue;
                }
            }

            Line = _nextLine;
            _nextLine += lines;
            _position += consumed;
            if (outcome == ParseOutcome.EmptyLine || (FieldCount == 1 && _lengths[0] == 0 && !_firstFieldQuoted))
            {
                continue;
            }

            return true;
        }
    }

    private enum ParseOutcome
    {
        Record,
        EmptyLine,
        NeedMoreData,
    }

    private ParseOutcome TryParseRecord(out int consumed, out int lines, bool atEndOfStream = false)
    {
        var data = _buffer.AsSpan(_position, _end - _position);
        consumed = 0;
        lines = 1;
        FieldCount = 0;
        var i = 0;
        if (data.Length > 0 && (data[0] == LineFeed || (data[0] == CarriageReturn && data.Length > 1 && data[1] == LineFeed)))
        {
            consumed = data[0] == LineFeed ? 1 : 2;
            return ParseOutcome.EmptyLine;
        }

        while (true)
        {
            var fieldStart = i;
            int fieldLength;
            var escaped = false;
            var quoted = i < data.Length && data[i] == Quote;
            if (quoted)
            {
                var content = i + 1;
                var scan = content;
                while (true)
                {
                    var next = data[scan..].IndexOf(Quote);
                    if (next < 0)
                    {
                        if (!atEndOfStream)
                        {
                            return ParseOutcome.NeedMoreData;
                        }

                        UnterminatedQuote = true;
                        lines += data[content..].Count(LineFeed);
                        AddField(_position + content, data.Length - content, escaped, quoted: true);
                        consumed = data.Length;
                        return ParseOutcome.Record;
                    }

                    scan += next;
                    if (scan + 1 < data.Length && data[scan + 1] == Quote)
                    {
                        escaped = true;
                        scan += 2;
                        continue;
                    }

                    if (scan + 1 >= data.Length && !atEndOfStream)
                    {
                        return ParseOutcome.NeedMoreData;
                    }

                    break;
                }

                lines += data[content..scan].Count(LineFeed);
                fieldStart = content;
                fieldLength = scan - content;
                i = scan + 1;
                // Anything between the closing quote and the delimiter is kept out of the value.
                var rest = data[i..].IndexOfAny(Comma, LineFeed);
                i = rest < 0 ? data.Length : i + rest;
            }
            else
            {
                var next = data[i..].IndexOfAny(Comma, LineFeed);
                if (next < 0)
                {
                    if (!atEndOfStream)
                    {
                        return ParseOutcome.NeedMoreData;
                    }

                    next = data.Length - i;
                }

                fieldLength = next;
                i += next;
                if (i < data.Length && data[i] == LineFeed && fieldLength > 0 && data[i - 1] == CarriageReturn)
                {
                    fieldLength--;
                }
                else if (i >= data.Length && fieldLength > 0 && data[i - 1] == CarriageReturn)
                {
                    fieldLength--;
                }
            }

            AddField(_position + fieldStart, fieldLength, escaped, quoted);
            if (i >= data.Length)
            {
                consumed = data.Length;
                return ParseOutcome.Record;
            }

            if (data[i] == LineFeed)
            {
                consumed = i + 1;
                return ParseOutcome.Record;
            }

            i++; // the comma
            if (i >= data.Length && !atEndOfStream)
            {
                return ParseOutcome.NeedMoreData;
            }
        }
    }

    private void AddField(int start, int length, bool escaped, bool quoted)
    {
        if (FieldCount == 0)
        {
            _firstFieldQuoted = quoted;
        }

        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, FieldCount * 2);
            Array.Resize(ref _lengths, FieldCount * 2);
            Array.Resize(ref _escaped, FieldCount * 2);
        }

        _starts[FieldCount] = start;
        _lengths[FieldCount] = length;
        _escaped[FieldCount] = escaped;
        FieldCount++;
    }

    /// <summary>Moves unread bytes to the front and reads more; grows the buffer for records longer than it.</summary>
    private bool Fill()
    {
        if (_endOfStream)
        {
            return false;
        }

        var remaining = _end - _position;
        if (_position == 0 && remaining == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (remaining > 0)
        {
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, remaining);
        }

        _position = 0;
        _end = remaining;
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
            return remaining > 0;
        }

        _end += read;
        BytesRead += read;
        return true;
    }
}
