using System.Globalization;
using System.Text;
using System.Text.Json;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Http;

namespace RfmGraph.GraphQL.Tests.Oracle;

/// <summary>
/// Runs one oracle case through the engine and compares it with graphql-js' recorded result the way the README's
/// "How the C# replay compares" asks: <c>data</c> byte for byte, errors as a sorted multiset of
/// (path, locations, message).
/// </summary>
internal static class OracleReplay
{
    // The generated documents use many aliases and deep selections; the engine's production limits are not
    // what this oracle is about, so they are off (limits have their own tests).
    private static readonly Lazy<GraphQLExecutor> Executor = new(() =>
        new GraphQLExecutor(OracleSchema.Build(), new GraphQLOptions { MaxAliases = 0, MaxCost = 0, MaxDepth = 0 }));

    /// <summary>The differences between the engine's response and the recorded one; empty when they match.</summary>
    public static async Task<List<string>> DifferencesAsync(OracleCase testCase)
    {
        var result = await Executor.Value.ExecuteAsync(new GraphQLRequest
        {
            Query = testCase.Query,
            OperationName = testCase.OperationName,
            Variables = testCase.VariablesJson is null ? null : (IReadOnlyDictionary<string, object?>)JsonInput.Parse(testCase.VariablesJson)!,
        });
        var differences = new List<string>();
        var actualData = result.HasData ? DataJson(result) : null;
        if (!string.Equals(actualData, testCase.ExpectedDataJson, StringComparison.Ordinal))
        {
            differences.Add($"data\n  expected: {testCase.ExpectedDataJson ?? "(no data)"}\n  actual:   {actualData ?? "(no data)"}");
        }
        var expectedErrors = testCase.ExpectedErrors.Select(e => ErrorKey(e.PathJson, e.Locations, e.Message)).Order(StringComparer.Ordinal).ToList();
        var actualErrors = result.Errors
            .Select(e => ErrorKey(e.Path is null ? null : PathJson(e.Path), e.Locations.Select(l => (l.Line, l.Column)).ToList(), e.Message))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!expectedErrors.SequenceEqual(actualErrors, StringComparer.Ordinal))
        {
            differences.Add($"errors\n  expected: {string.Join("\n            ", expectedErrors)}\n  actual:   {string.Join("\n            ", actualErrors)}");
        }
        return differences;
    }

    /// <summary>The response's <c>data</c> as the HTTP transport writes it.</summary>
    private static string DataJson(ExecutionResult result)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, GraphQLResponseWriter.WriterOptions))
        {
            result.WriteDataTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string PathJson(IReadOnlyList<object> path) =>
        "[" + string.Join(",", path.Select(segment => segment is int index
            ? index.ToString(CultureInfo.InvariantCulture)
            : OracleJson.Quote((string)segment))) + "]";

    private static string ErrorKey(string? pathJson, IReadOnlyList<(int Line, int Column)> locations, string message) =>
        $"{pathJson ?? "(request)"} @ {string.Join(" ", locations.Select(l => $"{l.Line}:{l.Column}"))} : {message}";
}
