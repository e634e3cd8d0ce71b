namespace RfmGraph.GraphQL.Language;

/// <summary>
/// Limits the parser enforces before any other work is done, so an oversized or adversarial document costs
/// at most one bounded pass. Each violation is a syntax error with a clear message and a location.
/// </summary>
public sealed record ParserOptions
{
    /// <summary>Defaults for documents from clients: 100,000 characters, 15,000 tokens, nesting depth 64.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>No limits: for trusted input such as SDL files shipped with the application.</summary>
    public static ParserOptions Unlimited { get; } = new() { MaxLength = int.MaxValue, MaxTokens = int.MaxValue, MaxDepth = int.MaxValue };

    /// <summary>Maximum document length in UTF-16 code units. Default 100,000.</summary>
    public int MaxLength { get; init; } = 100_000;

    /// <summary>Maximum number of lexical tokens (comments and other ignored tokens do not count). Default 15,000.</summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>
    /// Maximum nesting depth of selection sets, list/object values and list types combined. Default 64,
    /// well above any real query (the full introspection query nests 13 levels) and low enough that a
    /// recursive descent can never exhaust the stack.
    /// </summary>
    public int MaxDepth { get; init; } = 64;
}
