using System.Diagnostics;

namespace RfmGraph.Bench.Data;

/// <summary>One client cycle: a segment's richest customers, their next page (keyset cursor), and a customers page.</summary>
internal sealed class Workload(ApiClient client, string segment, string namePrefix)
{
    public const string ScoresFirst = "customerScores first page";
    public const string ScoresNext = "customerScores next page (after)";
    public const string Customers = "customers filtered, sorted";

    private const string ScoresQuery = """
        query($segment: String!, $after: String) {
          customerScores(where: { segmentCode: { eq: $segment } }, order: [{ monetary: DESC }], first: 50, after: $after) {
            edges { cursor node { customerId externalId name monetary r f m segment { code name } } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private const string CustomersQuery = """
        query($prefix: String!) {
          customers(where: { name: { startsWith: $prefix } }, order: [{ externalId: ASC }], first: 50) {
            nodes { id externalId name email }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    public async Task CycleAsync(List<(string Query, double Milliseconds)>? samples)
    {
        var first = await TimeAsync(ScoresFirst, ScoresQuery, new { segment, after = (string?)null }, samples);
        var cursor = first.GetProperty("customerScores").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        await TimeAsync(ScoresNext, ScoresQuery, new { segment, after = cursor }, samples);
        await TimeAsync(Customers, CustomersQuery, new { prefix = namePrefix }, samples);
    }

    private async Task<System.Text.Json.JsonElement> TimeAsync(string name, string query, object variables, List<(string, double)>? samples)
    {
        var started = Stopwatch.GetTimestamp();
        var data = await client.PostAsync(query, variables);
        samples?.Add((name, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return data;
    }
}
