using System.Globalization;
using System.Text;

namespace RfmGraph.GraphQL.Language;

/// <summary>
/// Spec §2.1 lexer over a <see cref="Source"/>. Produces one token at a time with one token of lookahead;
/// ignored tokens (whitespace, commas, comments, BOM, line terminators) are skipped. Error messages are
/// graphql-js's, word for word, so clients see the same text from either server.
/// </summary>
internal sealed class Lexer
{
    private readonly Source _source;
    private readonly string _body;
    private Token? _lookahead;

    public Lexer(Source source)
    {
        _source = source;
        _body = source.Body;
        Token = new Token(TokenKind.Sof, 0, 0, null);
        LastToken = Token;
    }

    /// <summary>The current token.</summary>
    public Token Token { get; private set; }

    /// <summary>The previous token (its end is the end of the node being built).</summary>
    public Token LastToken { get; private set; }

    public Source Source => _source;

    /// <summary>Moves to the next token and returns it.</summary>
    public Token Advance()
    {
        LastToken = Token;
        if (_lookahead is { } next)
        {
            _lookahead = null;
            Token = next;
        }
        else if (Token.Kind != TokenKind.Eof)
        {
            Token = ReadNextToken(Token.End);
        }
        return Token;
    }

    /// <summary>Returns the token after the current one without consuming it.</summary>
    public Token Lookahead()
    {
        if (Token.Kind == TokenKind.Eof)
        {
            return Token;
        }
        _lookahead ??= ReadNextToken(Token.End);
        return _lookahead.Value;
    }

    private Token ReadNextToken(int start)
    {
        var body = _body;
        var length = body.Length;
        var position = start;
        while (position < length)
        {
            var code = body[position];
            switch (code)
            {
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                case '\n':
                case '\r':
                    position++;
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                case '!':
                    return Punctuator(TokenKind.Bang, position);
                case '$':
                    return Punctuator(TokenKind.Dollar, position);
                case '&':
                    return Punctuator(TokenKind.Amp, position);
                case '(':
                    return Punctuator(TokenKind.ParenL, position);
                case ')':
                    return Punctuator(TokenKind.ParenR, position);
                case '.':
                    if (CharAt(position + 1) == '.' && CharAt(position + 2) == '.')
                    {
                        return new Token(TokenKind.Spread, position, position + 3, null);
                    }
                    break;
                case ':':
                    return Punctuator(TokenKind.Colon, position);
                case '=':
                    return Punctuator(TokenKind.EqualsSign, position);
                case '@':
                    return Punctuator(TokenKind.At, position);
                case '[':
                    return Punctuator(TokenKind.BracketL, position);
                case ']':
                    return Punctuator(TokenKind.BracketR, position);
                case '{':
                    return Punctuator(TokenKind.BraceL, position);
                case '|':
                    return Punctuator(TokenKind.Pipe, position);
                case '}':
                    return Punctuator(TokenKind.BraceR, position);
                case '"':
                    return CharAt(position + 1) == '"' && CharAt(position + 2) == '"'
                        ? ReadBlockString(position)
                        : ReadString(position);
            }

            if (IsDigit(code) || code == '-')
            {
                return ReadNumber(position, code);
            }
            if (IsNameStart(code))
            {
                return ReadName(position);
            }

            throw Error(
                position,
                code == '\''
                    ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                    : IsUnicodeScalarValue(code) || IsSupplementaryCodePoint(position)
                        ? $"Unexpected character: {PrintCodePointAt(position)}."
                        : $"Invalid character: {PrintCodePointAt(position)}.");
        }
        return new Token(TokenKind.Eof, length, length, null);
    }

    private static Token Punctuator(TokenKind kind, int position) => new(kind, position, position + 1, null);

    private int CharAt(int position) => position < _body.Length ? _body[position] : -1;

    private int SkipComment(int start)
    {
        var position = start + 1;
        while (position < _body.Length)
        {
            var code = _body[position];
            if (code is '\n' or '\r')
            {
                break;
            }
            if (IsUnicodeScalarValue(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                break;
            }
        }
        return position;
    }

    private Token ReadNumber(int start, int firstCode)
    {
        var position = start;
        var code = firstCode;
        var isFloat = false;
        if (code == '-')
        {
            code = CharAt(++position);
        }
        if (code == '0')
        {
            code = CharAt(++position);
            if (IsDigit(code))
            {
                throw Error(position, $"Invalid number, unexpected digit after 0: {PrintCodePointAt(position)}.");
            }
        }
        else
        {
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == '.')
        {
            isFloat = true;
            code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code is 'E' or 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code is '+' or '-')
            {
                code = CharAt(++position);
            }
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == '.' || IsNameStart(code))
        {
            throw Error(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");
        }
        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, start, position, _body[start..position]);
    }

    private int ReadDigits(int start, int firstCode)
    {
        if (!IsDigit(firstCode))
        {
            throw Error(start, $"Invalid number, expected digit but got: {PrintCodePointAt(start)}.");
        }
        var position = start + 1;
        while (IsDigit(CharAt(position)))
        {
            position++;
        }
        return position;
    }

    private Token ReadString(int start)
    {
        var body = _body;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;
        while (position < body.Length)
        {
            var code = body[position];
            if (code == '"')
            {
                string text;
                if (value is null)
                {
                    text = body[chunkStart..position];
                }
                else
                {
                    value.Append(body, chunkStart, position - chunkStart);
                    text = value.ToString();
                }
                return new Token(TokenKind.String, start, position + 1, text);
            }
            if (code == '\\')
            {
                value ??= new StringBuilder();
                value.Append(body, chunkStart, position - chunkStart);
                var size = CharAt(position + 1) == 'u'
                    ? CharAt(position + 2) == '{'
                        ? ReadEscapedUnicodeVariableWidth(position, value)
                        : ReadEscapedUnicodeFixedWidth(position, value)
                    : ReadEscapedCharacter(position, value);
                position += size;
                chunkStart = position;
                continue;
            }
            if (code is '\n' or '\r')
            {
                break;
            }
            if (IsUnicodeScalarValue(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                throw Error(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
            }
        }
        throw Error(position, "Unterminated string.");
    }

    private int ReadEscapedUnicodeVariableWidth(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;
        // At most 12 characters: \u{00000000}.
        while (size < 12)
        {
            var code = CharAt(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point))
                {
                    break;
                }
                value.Append(char.ConvertFromUtf32(point));
                return size;
            }
            point = (point << 4) | ReadHexDigit(code);
            if (point < 0)
            {
                break;
            }
        }
        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + size)}\".");
    }

    private int ReadEscapedUnicodeFixedWidth(int position, StringBuilder value)
    {
        var code = Read16BitHexCode(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            value.Append((char)code);
            return 6;
        }
        // JSON-style surrogate pairs are allowed, but only as a complete leading + trailing pair.
        if (IsLeadingSurrogate(code) && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = Read16BitHexCode(position + 8);
            if (IsTrailingSurrogate(trailing))
            {
                value.Append((char)code).Append((char)trailing);
                return 12;
            }
        }
        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + 6)}\".");
    }

    private int Read16BitHexCode(int position) =>
        (ReadHexDigit(CharAt(position)) << 12)
        | (ReadHexDigit(CharAt(position + 1)) << 8)
        | (ReadHexDigit(CharAt(position + 2)) << 4)
        | ReadHexDigit(CharAt(position + 3));

    private static int ReadHexDigit(int code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };

    private int ReadEscapedCharacter(int position, StringBuilder value)
    {
        char? escaped = CharAt(position + 1) switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (escaped is { } c)
        {
            value.Append(c);
            return 2;
        }
        throw Error(position, $"Invalid character escape sequence: \"{Slice(position, position + 2)}\".");
    }

    private Token ReadBlockString(int start)
    {
        var body = _body;
        var position = start + 3;
        var chunkStart = position;
        var currentLine = new StringBuilder();
        var lines = new List<string>();
        while (position < body.Length)
        {
            var code = body[position];
            if (code == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                return new Token(TokenKind.BlockString, start, position + 3, BlockString.DedentLines(lines));
            }
            if (code == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                chunkStart = position + 1;
                position += 4;
                continue;
            }
            if (code is '\n' or '\r')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                currentLine.Clear();
                position += code == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                continue;
            }
            if (IsUnicodeScalarValue(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                throw Error(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
            }
        }
        throw Error(position, "Unterminated string.");
    }

    private Token ReadName(int start)
    {
        var position = start + 1;
        while (position < _body.Length && IsNameContinue(_body[position]))
        {
            position++;
        }
        return new Token(TokenKind.Name, start, position, _body[start..position]);
    }

    private string Slice(int start, int end) => _body[start..Math.Min(end, _body.Length)];

    /// <summary>graphql-js's printCodePointAt: <c>"c"</c> for printable ASCII, <c>U+XXXX</c> otherwise.</summary>
    private string PrintCodePointAt(int position)
    {
        if (position >= _body.Length)
        {
            return "<EOF>";
        }
        int code = _body[position];
        if (IsSupplementaryCodePoint(position))
        {
            code = char.ConvertToUtf32(_body[position], _body[position + 1]);
        }
        if (code is >= 0x20 and <= 0x7E)
        {
            return code == '"' ? "'\"'" : $"\"{(char)code}\"";
        }
        return "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }

    private GraphQLSyntaxException Error(int position, string description) => SyntaxError(_source, position, description);

    internal static GraphQLSyntaxException SyntaxError(Source source, int position, string description) =>
        new(new GraphQLError("Syntax Error: " + description, [source.GetLocation(position)]));

    private static bool IsDigit(int code) => code is >= '0' and <= '9';

    internal static bool IsNameStart(int code) => code is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    internal static bool IsNameContinue(int code) => IsNameStart(code) || IsDigit(code);

    private static bool IsUnicodeScalarValue(int code) => code is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    private static bool IsLeadingSurrogate(int code) => code is >= 0xD800 and <= 0xDBFF;

    private static bool IsTrailingSurrogate(int code) => code is >= 0xDC00 and <= 0xDFFF;

    private bool IsSupplementaryCodePoint(int position) =>
        IsLeadingSurrogate(CharAt(position)) && IsTrailingSurrogate(CharAt(position + 1));
}
