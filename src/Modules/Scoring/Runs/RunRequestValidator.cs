using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Runs;

/// <summary>Turns a request into a concrete window and checks everything that does not need the scheme.</summary>
internal static class RunRequestValidator
{
    public const int DefaultDays = 90;
    public const int MaxDays = 36_600;

    public static (DateTimeOffset AsOf, DateTimeOffset From, DateTimeOffset To, List<ScoringUserError> Errors) Validate(RfmRunRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ScoringUserError>();
        var asOf = request.AsOf ?? now;
        var to = request.To ?? asOf;
        if (to > asOf)
        {
            errors.Add(new(["to"], "The window must end at or before asOf (recency is measured to asOf).", "INVALID_WINDOW"));
        }

        if (request.From is not null && request.Days is not null)
        {
            errors.Add(new(["days"], "Give either days or from, not both.", "INVALID_WINDOW"));
        }

        if (request.Days is { } days && (days < 1 || days > MaxDays))
        {
            errors.Add(new(["days"], $"Days must be between 1 and {MaxDays}.", "INVALID_WINDOW"));
        }

        var from = request.From ?? to.AddDays(-(request.Days is >= 1 and <= MaxDays ? request.Days.Value : DefaultDays));
        if (from > to)
        {
            errors.Add(new(["from"], "The window must start at or before its end.", "INVALID_WINDOW"));
        }

        if (request.Bins is < 3 or > 10)
        {
            errors.Add(new(["bins"], "Bins must be between 3 and 10.", "INVALID_BINS"));
        }

        if (request.Method == ScoringMethod.FixedThresholds)
        {
            if (request.Thresholds is null)
            {
                errors.Add(new(["thresholds"], "FIXED_THRESHOLDS needs thresholds for recency, frequency and monetary.", "THRESHOLDS_REQUIRED"));
            }
            else if (request.Bins is >= 3 and <= 10)
            {
                CheckThresholds(errors, "recency", request.Thresholds.Recency, request.Bins, allowNegative: false);
                CheckThresholds(errors, "frequency", request.Thresholds.Frequency, request.Bins, allowNegative: false);
                CheckThresholds(errors, "monetary", request.Thresholds.Monetary, request.Bins, allowNegative: true);
            }
        }
        else if (request.Thresholds is not null)
        {
            errors.Add(new(["thresholds"], "Thresholds are only used with the FIXED_THRESHOLDS method.", "THRESHOLDS_NOT_ALLOWED"));
        }

        if (string.IsNullOrWhiteSpace(request.Scheme))
        {
            errors.Add(new(["scheme"], "A segment scheme key is required (built in: pos8, classic11, rfgrid10).", "REQUIRED"));
        }

        return (asOf, from, to, errors);
    }

    private static void CheckThresholds(List<ScoringUserError> errors, string dimension, IReadOnlyList<decimal>? values, int bins, bool allowNegative)
    {
        if (values is null || values.Count != bins - 1)
        {
            errors.Add(new(["thresholds", dimension], $"{Capitalized(dimension)} needs exactly {bins - 1} cut points for {bins} bins (got {values?.Count ?? 0}).", "INVALID_THRESHOLDS"));
            return;
        }

        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] <= values[i - 1])
            {
                errors.Add(new(["thresholds", dimension], $"{Capitalized(dimension)} cut points must be strictly ascending ({values[i - 1]} is followed by {values[i]}).", "INVALID_THRESHOLDS"));
                return;
            }
        }

        if (!allowNegative && values[0] < 0)
        {
            errors.Add(new(["thresholds", dimension], $"{Capitalized(dimension)} cut points cannot be negative.", "INVALID_THRESHOLDS"));
        }
    }

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
