using System.Text.RegularExpressions;

namespace RfmGraph.Sales.Businesses;

/// <summary>Business keys are slugs (they appear in tokens, API keys and command lines); same rule as the database CHECK.</summary>
internal static partial class BusinessKey
{
    public static bool IsValid(string? key) => key is not null && Pattern().IsMatch(key);

    public static string Describe(string? key) =>
        $"'{key}' is not a valid business key: use 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit";

    /// <summary>Three upper-case ASCII letters (ISO 4217 style).</summary>
    public static bool IsValidCurrency(string? currency) =>
        currency is { Length: 3 } && currency.All(char.IsAsciiLetterUpper);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
