using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Execution;

/// <summary>
/// Engine limits and behaviour. Every limit is checked before any resolver runs; a violation is a request error
/// with <c>extensions.code</c> and no <c>data</c>. Defaults suit a public API; 0 or a negative number disables
/// a numeric limit.
/// </summary>
public sealed record GraphQLOptions
{
    /// <summary>The defaults.</summary>
    public static GraphQLOptions Default { get; } = new();

    /// <summary>Parser limits: document length (100,000), tokens (15,000), nesting (64).</summary>
    public ParserOptions Parser { get; init; } = ParserOptions.Default;

    /// <summary>Maximum field nesting depth of the executed operation, fragments expanded. Default 15.</summary>
    public int MaxDepth { get; init; } = 15;

    /// <summary>
    /// Maximum cost of the operation: each field costs its <c>cost</c> metadata (default 1) times the product of
    /// the list sizes above it (the <c>first</c>/<c>last</c>/<c>limit</c> argument when given, else
    /// <see cref="DefaultListSize"/>). Default 10,000.
    /// </summary>
    public int MaxCost { get; init; } = 10_000;

    /// <summary>The assumed size of a list field without a size argument, for cost analysis. Default 10.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>Maximum number of aliased fields in the operation, fragments expanded. Default 30.</summary>
    public int MaxAliases { get; init; } = 30;

    /// <summary>Maximum number of validation errors reported (then validation stops); 0 reports them all. Default 5.</summary>
    public int MaxValidationErrors { get; init; } = 5;

    /// <summary>Time a request may take (parse to last resolver); zero or negative disables it. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether <c>__schema</c> and <c>__type</c> may be queried. Default true.</summary>
    public bool EnableIntrospection { get; init; } = true;

    /// <summary>
    /// Replace the message of unexpected exceptions with "Unexpected Execution Error" (code
    /// INTERNAL_SERVER_ERROR); <see cref="GraphQLException"/> messages are always shown. Default true.
    /// </summary>
    public bool MaskUnexpectedErrors { get; init; } = true;

    /// <summary>
    /// Field-level authorization, asked for every field the operation selects before any resolver runs (see
    /// <see cref="FieldAuthorizer"/>); a denial fails the request with extensions.code FORBIDDEN. Default null: no checks.
    /// </summary>
    public FieldAuthorizer? AuthorizeField { get; init; }

    /// <summary>How many parsed and validated documents to keep, keyed by their text. Default 1,000.</summary>
    public int DocumentCacheSize { get; init; } = 1_000;
}
