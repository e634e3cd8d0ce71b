using System.Runtime.CompilerServices;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation;

/// <summary>
/// Validates documents against the spec's rules (graphql-js <c>validate</c> / <c>validateSDL</c>): one walk
/// over the document runs every rule. Thread-safe; rule lists are prepared once and cached.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The default cap on validation errors per document.</summary>
    public const int DefaultMaxErrors = 5;

    private static readonly CompiledRules Specified = new(SpecifiedRules.All);
    private static readonly CompiledRules SpecifiedSdl = new(SpecifiedRules.Sdl);

    // Custom rule lists (e.g. the specified rules plus NoSchemaIntrospection) are prepared once per list instance;
    // a list must not be changed after it was first used.
    private static readonly ConditionalWeakTable<IReadOnlyList<ValidationRule>, CompiledRules> Compiled = [];

    /// <summary>
    /// Validates an executable document. Returns the errors in the order the rules found them (empty when
    /// valid). At most <paramref name="maxErrors"/> errors are collected; one more error, "Too many validation
    /// errors, error limit reached. Validation aborted.", then ends the run.
    /// </summary>
    public static IReadOnlyList<GraphQLError> Validate(
        Schema schema,
        DocumentNode document,
        IReadOnlyList<ValidationRule>? rules = null,
        int maxErrors = DefaultMaxErrors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfNegative(maxErrors);
        var compiled = rules is null || ReferenceEquals(rules, SpecifiedRules.All) ? Specified : Compile(rules);
        return Run(schema, document, sdl: false, compiled, maxErrors);
    }

    /// <summary>
    /// Validates a type-system document (graphql-js validateSDL), optionally as an extension of
    /// <paramref name="schemaToExtend"/>. The SDL rules have no error cap.
    /// </summary>
    public static IReadOnlyList<GraphQLError> ValidateSdl(
        DocumentNode document,
        Schema? schemaToExtend = null,
        IReadOnlyList<ValidationRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var compiled = rules is null || ReferenceEquals(rules, SpecifiedRules.Sdl) ? SpecifiedSdl : Compile(rules);
        return Run(schemaToExtend, document, sdl: true, compiled, int.MaxValue);
    }

    private static CompiledRules Compile(IReadOnlyList<ValidationRule> rules) => Compiled.GetValue(rules, r => new CompiledRules(r));

    private static List<GraphQLError> Run(Schema? schema, DocumentNode document, bool sdl, CompiledRules rules, int maxErrors)
    {
        var errors = new List<GraphQLError>();
        var context = new ValidationContext(schema, document, sdl, errors, maxErrors);
        try
        {
            new ValidationWalker(rules, context).Walk(document);
        }
        catch (ValidationAbortedException)
        {
            // The error cap was reached; the errors so far plus the "aborted" error are the result.
        }
        return errors;
    }
}
