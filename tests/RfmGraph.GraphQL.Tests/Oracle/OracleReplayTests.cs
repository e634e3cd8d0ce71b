using RfmGraph.GraphQL.Types;
using Xunit.Abstractions;

namespace RfmGraph.GraphQL.Tests.Oracle;

/// <summary>
/// The C# half of the execution oracle: the twin schema (<see cref="OracleSchema"/>) replays every case graphql-js
/// 16 recorded in tests/Conformance/oracle/cases.jsonl, and must give byte-identical <c>data</c> and the same
/// errors (paths, locations, messages).
/// </summary>
public sealed class OracleReplayTests(ITestOutputHelper output)
{
    /// <summary>The number of recorded cases; a regenerated file with another count must be looked at.</summary>
    private const int RecordedCases = 500;

    /// <summary>Cases that are known to differ, with the reason. Empty: every case matches.</summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal);

    public static TheoryData<string> CaseIds => [.. OracleCases.ById.Keys];

    [Fact]
    public void Twin_schema_prints_exactly_like_schema_graphql()
    {
        var expected = File.ReadAllText(OracleCases.Locate("schema.graphql")).TrimEnd('\n');
        Assert.Equal(expected, SchemaPrinter.Print(OracleSchema.Build()));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Case_matches_graphql_js(string id)
    {
        var testCase = OracleCases.ById[id];
        var differences = await OracleReplay.DifferencesAsync(testCase);
        if (KnownDifferences.TryGetValue(id, out var reason))
        {
            Assert.True(differences.Count > 0, $"{id} is listed as a known difference ({reason}) but now matches: remove it from the list.");
            return;
        }
        Assert.True(differences.Count == 0, $"{id} [{string.Join(", ", testCase.Tags)}]\n{testCase.Query}\nvariables: {testCase.VariablesJson}\n{string.Join("\n", differences)}");
    }

    [Fact]
    public async Task All_500_recorded_cases_match_graphql_js()
    {
        var cases = OracleCases.ById.Values.ToList();
        Assert.Equal(RecordedCases, cases.Count);
        var failed = new List<string>();
        foreach (var testCase in cases)
        {
            if ((await OracleReplay.DifferencesAsync(testCase)).Count > 0)
            {
                failed.Add(testCase.Id);
            }
        }
        var unexplained = failed.Where(id => !KnownDifferences.ContainsKey(id)).ToList();
        output.WriteLine($"oracle replay: {cases.Count - failed.Count}/{cases.Count} cases match graphql-js ({KnownDifferences.Count} known differences).");
        foreach (var tag in cases.SelectMany(c => c.Tags).GroupBy(t => t, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {tag.Key}: {tag.Count()}");
        }
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} cases differ from graphql-js: {string.Join(", ", unexplained)}");
    }
}
