using System.Text.Json;

namespace RfmGraph.GraphQL.Tests.Validation;

/// <summary>One recorded graphql-js validation case (see shared/conformance/README.md for the format).</summary>
internal sealed record ConformanceCase(
    string Id,
    string Rule,
    string Kind,
    string? Schema,
    string Query,
    IReadOnlyList<ExpectedError> Errors,
    bool RoundTrip);

/// <summary>An error graphql-js reported: message and 1-based locations.</summary>
internal sealed record ExpectedError(string Message, IReadOnlyList<(int Line, int Column)> Locations);

/// <summary>Finds and reads the shared graphql-js validation cases.</summary>
internal static class ConformanceCases
{
    public const string FileName = "graphql-js-validation.jsonl";

    /// <summary>
    /// The cases file lives in <c>shared/conformance</c> beside the repository (../shared from the repo root; CI
    /// puts a copy of shared/ next to its clone). Walk up from the test assembly until a directory has it.
    /// </summary>
    public static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "conformance", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        throw new FileNotFoundException(
            $"shared/conformance/{FileName} was not found in any parent directory of {AppContext.BaseDirectory}"
            + (ci ? " (CI=true: the CI checkout must place a copy of shared/ beside the repository)." : ". Put shared/ beside the repository checkout."));
    }

    public static List<ConformanceCase> Load(string path)
    {
        var cases = new List<ConformanceCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var errors = new List<ExpectedError>();
            foreach (var error in root.GetProperty("errors").EnumerateArray())
            {
                var locations = new List<(int, int)>();
                if (error.TryGetProperty("locations", out var locationArray))
                {
                    foreach (var location in locationArray.EnumerateArray())
                    {
                        locations.Add((location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()));
                    }
                }
                errors.Add(new ExpectedError(error.GetProperty("message").GetString()!, locations));
            }
            var schema = root.GetProperty("schema");
            cases.Add(new ConformanceCase(
                root.GetProperty("id").GetString()!,
                root.GetProperty("rule").GetString()!,
                root.GetProperty("kind").GetString()!,
                schema.ValueKind == JsonValueKind.Null ? null : schema.GetString(),
                root.GetProperty("query").GetString()!,
                errors,
                root.GetProperty("roundTrip").GetBoolean()));
        }
        return cases;
    }
}
