using System.Text.RegularExpressions;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Schemes;

/// <summary>Checks a scheme definition before it is stored; every problem is reported, not just the first.</summary>
internal static partial class SchemeValidator
{
    public static readonly IReadOnlySet<string> BuiltInKeys = new HashSet<string>(StringComparer.Ordinal) { "pos8", "classic11", "rfgrid10" };

    public const int MaxRules = 100;

    public static IReadOnlyList<ScoringUserError> Validate(SegmentSchemeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<ScoringUserError>();
        if (!KeyPattern().IsMatch(definition.Key ?? string.Empty))
        {
            errors.Add(new(["key"], "The key must be 2-63 characters: a lower-case letter, then lower-case letters, digits, '-' or '_'.", "INVALID_KEY"));
        }
        else if (BuiltInKeys.Contains(definition.Key!))
        {
            errors.Add(new(["key"], $"'{definition.Key}' is a built-in scheme; choose another key.", "RESERVED_KEY"));
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            errors.Add(new(["name"], "The name must not be empty.", "REQUIRED"));
        }

        if (definition.Bins is < 3 or > 10)
        {
            errors.Add(new(["bins"], "Bins must be between 3 and 10.", "INVALID_BINS"));
        }

        if (string.IsNullOrWhiteSpace(definition.Fallback?.Name) || string.IsNullOrWhiteSpace(definition.Fallback?.Code))
        {
            errors.Add(new(["fallback"], "The fallback segment needs a name and a code.", "REQUIRED"));
        }

        if (definition.Rules is null || definition.Rules.Count == 0)
        {
            errors.Add(new(["rules"], "A scheme needs at least one rule.", "REQUIRED"));
            return errors;
        }

        if (definition.Rules.Count > MaxRules)
        {
            errors.Add(new(["rules"], $"A scheme has at most {MaxRules} rules.", "TOO_MANY_RULES"));
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (definition.Fallback?.Code is { } fallbackCode)
        {
            codes.Add(fallbackCode);
        }

        for (var i = 0; i < definition.Rules.Count; i++)
        {
            var rule = definition.Rules[i];
            var at = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add(new(["rules", at, "name"], "The rule needs a name.", "REQUIRED"));
            }

            if (string.IsNullOrWhiteSpace(rule.Code))
            {
                errors.Add(new(["rules", at, "code"], "The rule needs a code.", "REQUIRED"));
            }
            else if (!codes.Add(rule.Code))
            {
                errors.Add(new(["rules", at, "code"], $"The code '{rule.Code}' is used twice (codes are unique within a scheme, fallback included).", "DUPLICATE_CODE"));
            }

            CheckRange(errors, at, "r", rule.R, definition.Bins);
            CheckRange(errors, at, "f", rule.F, definition.Bins);
            CheckRange(errors, at, "m", rule.M, definition.Bins);
        }

        return errors;
    }

    private static void CheckRange(List<ScoringUserError> errors, string at, string dimension, ScoreRange range, int bins)
    {
        if (range.Min < 1 || range.Max > bins || range.Min > range.Max)
        {
            errors.Add(new(["rules", at, dimension],
                $"The {dimension.ToUpperInvariant()} range {range.Min}..{range.Max} must satisfy 1 <= min <= max <= {bins} (the scheme's bins).",
                "INVALID_RANGE"));
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]{1,62}$")]
    private static partial Regex KeyPattern();
}
