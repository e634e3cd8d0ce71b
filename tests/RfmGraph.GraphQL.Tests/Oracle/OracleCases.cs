using System.Text.Json;

namespace RfmGraph.GraphQL.Tests.Oracle;

/// <summary>One recorded oracle case (tests/Conformance/oracle/README.md, "Case format").</summary>
/// <param name="VariablesJson">The <c>variables</c> object as JSON text, or null when the case sends none.</param>
/// <param name="ExpectedDataJson">The exact text of graphql-js' <c>data</c>, or null when the response had no data.</param>
internal sealed record OracleCase(
    string Id,
    IReadOnlyList<string> Tags,
    string Query,
    string? VariablesJson,
    string? OperationName,
    string? ExpectedDataJson,
    IReadOnlyList<OracleError> ExpectedErrors);

/// <summary>A recorded error: message, locations (empty when it has none) and path (null for request errors).</summary>
internal sealed record OracleError(string Message, IReadOnlyList<(int Line, int Column)> Locations, string? PathJson);

/// <summary>Finds and reads tests/Conformance/oracle/cases.jsonl.</summary>
internal static class OracleCases
{
    private static readonly Lazy<IReadOnlyDictionary<string, OracleCase>> All = new(() => Load(Locate("cases.jsonl")));

    public static IReadOnlyDictionary<string, OracleCase> ById => All.Value;

    /// <summary>The oracle files live in the repository; walk up from the test assembly to the checkout's root.</summary>
    public static string Locate(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Conformance", "oracle", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"tests/Conformance/oracle/{fileName} was not found in any parent directory of {AppContext.BaseDirectory}.");
    }

    private static Dictionary<string, OracleCase> Load(string path)
    {
        var cases = new Dictionary<string, OracleCase>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var expected = root.GetProperty("expected");
            var variables = root.GetProperty("variables");
            var operationName = root.GetProperty("operationName");
            var dataJson = expected.GetProperty("dataJson");
            var testCase = new OracleCase(
                root.GetProperty("id").GetString()!,
                [.. root.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)],
                root.GetProperty("query").GetString()!,
                variables.ValueKind == JsonValueKind.Null ? null : variables.GetRawText(),
                operationName.ValueKind == JsonValueKind.Null ? null : operationName.GetString(),
                dataJson.ValueKind == JsonValueKind.Null ? null : dataJson.GetString(),
                [.. expected.GetProperty("errors").EnumerateArray().Select(ReadError)]);
            cases.Add(testCase.Id, testCase);
        }
        return cases;
    }

    private static OracleError ReadError(JsonElement error)
    {
        var locations = error.TryGetProperty("locations", out var array)
            ? array.EnumerateArray().Select(l => (l.GetProperty("line").GetInt32(), l.GetProperty("column").GetInt32())).ToList()
            : [];
        return new OracleError(
            error.GetProperty("message").GetString()!,
            locations,
            error.TryGetProperty("path", out var path) ? path.GetRawText() : null);
    }
}
