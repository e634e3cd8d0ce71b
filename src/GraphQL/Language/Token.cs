namespace RfmGraph.GraphQL.Language;

/// <summary>Lexical token kinds (spec §2.1.6); the comment kind never reaches the parser.</summary>
internal enum TokenKind
{
    Sof,
    Eof,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    EqualsSign,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
}

/// <summary>One token: kind, source offsets and, for names, numbers and strings, its value.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string? Value)
{
    /// <summary>graphql-js's getTokenKindDesc: punctuators in quotes, other kinds by name.</summary>
    public static string KindDescription(TokenKind kind) => kind switch
    {
        TokenKind.Sof => "<SOF>",
        TokenKind.Eof => "<EOF>",
        TokenKind.Bang => "\"!\"",
        TokenKind.Dollar => "\"$\"",
        TokenKind.Amp => "\"&\"",
        TokenKind.ParenL => "\"(\"",
        TokenKind.ParenR => "\")\"",
        TokenKind.Spread => "\"...\"",
        TokenKind.Colon => "\":\"",
        TokenKind.EqualsSign => "\"=\"",
        TokenKind.At => "\"@\"",
        TokenKind.BracketL => "\"[\"",
        TokenKind.BracketR => "\"]\"",
        TokenKind.BraceL => "\"{\"",
        TokenKind.Pipe => "\"|\"",
        TokenKind.BraceR => "\"}\"",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        TokenKind.BlockString => "BlockString",
        _ => kind.ToString(),
    };

    /// <summary>graphql-js's getTokenDesc: the kind, then the value in quotes when there is one.</summary>
    public string Description => Value is null ? KindDescription(Kind) : $"{KindDescription(Kind)} \"{Value}\"";
}
