using System.Buffers;
using System.Text;
using System.Text.Json;

namespace RfmGraph.GraphQL.Utilities;

/// <summary>
/// JSON string text exactly as JavaScript's <c>JSON.stringify</c> writes it, so responses and messages match
/// graphql-js byte for byte: only <c>"</c>, <c>\</c>, control characters (<c>\b \f \n \r \t</c>, others as
/// <c>\u00xx</c> in lower-case hex) and lone surrogates are escaped; everything else is written as UTF-8.
/// <see cref="Utf8JsonWriter"/>'s encoders cannot do that: even
/// <c>JavaScriptEncoder.UnsafeRelaxedJsonEscaping</c> escapes characters outside the Basic Multilingual Plane
/// (🚀 becomes <c>\uD83D\uDE80</c>), and the default encoder also escapes <c>+ &lt; &gt; &amp; '</c> and
/// all non-ASCII text. Writing the quoted bytes raw also makes the output independent of the writer's encoder.
/// </summary>
internal static class JavaScriptJson
{
    private const int StackLimit = 512;

    /// <summary>Writes <paramref name="value"/> as a JSON string value at the writer's current position.</summary>
    public static void WriteString(Utf8JsonWriter writer, string value)
    {
        // Worst case per UTF-16 unit: a six-byte \u escape (UTF-8 needs at most three), plus the two quotes.
        var maxLength = value.Length * 6 + 2;
        byte[]? rented = null;
        Span<byte> buffer = maxLength <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        try
        {
            var length = Quote(value, buffer);
            writer.WriteRawValue(buffer[..length], skipInputValidation: true);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary><c>JSON.stringify(value)</c> for a string: the quoted, escaped text.</summary>
    public static string Quote(string value)
    {
        var buffer = new byte[value.Length * 6 + 2];
        return Encoding.UTF8.GetString(buffer, 0, Quote(value, buffer));
    }

    /// <summary>Writes the quoted UTF-8 text into <paramref name="destination"/>; returns its length.</summary>
    private static int Quote(ReadOnlySpan<char> text, Span<byte> destination)
    {
        destination[0] = (byte)'"';
        var position = 1;
        var runStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            // Vectorised skip over the plain characters: most result strings contain nothing to escape.
            var next = text[i..].IndexOfAny(NeedsAttention);
            if (next < 0)
            {
                break;
            }
            i += next;
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i += 2; // a well-formed pair is a plain character: written as four UTF-8 bytes with its run
                continue;
            }
            position += Encoding.UTF8.GetBytes(text[runStart..i], destination[position..]);
            position += Escape(c, destination[position..]);
            runStart = ++i;
        }
        position += Encoding.UTF8.GetBytes(text[runStart..], destination[position..]);
        destination[position++] = (byte)'"';
        return position;
    }

    // Control characters, the quote, the backslash and every surrogate (pairs pass, lone ones are escaped).
    private static readonly SearchValues<char> NeedsAttention = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), '"', '\\', .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]);

    private static int Escape(char c, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        var shortForm = c switch
        {
            '"' => '"',
            '\\' => '\\',
            '\b' => 'b',
            '\f' => 'f',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            _ => '\0',
        };
        if (shortForm != '\0')
        {
            destination[1] = (byte)shortForm;
            return 2;
        }
        // Other control characters and lone surrogates: \uXXXX with lower-case hex, as JSON.stringify writes them.
        destination[1] = (byte)'u';
        const string hex = "0123456789abcdef";
        destination[2] = (byte)hex[(c >> 12) & 0xF];
        destination[3] = (byte)hex[(c >> 8) & 0xF];
        destination[4] = (byte)hex[(c >> 4) & 0xF];
        destination[5] = (byte)hex[c & 0xF];
        return 6;
    }
}
