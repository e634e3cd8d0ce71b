using Npgsql;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.GraphQL.Statistics;

/// <summary>One cell of a transition matrix: customers in segment From (null = not scored then) now in To (null = no longer scored).</summary>
internal sealed record TransitionCell(string? FromCode, string? ToCode, long Customers, decimal Revenue, decimal PreviousRevenue);

/// <summary>How customers moved between the segments of two runs, aggregated in SQL (a FULL JOIN of the two runs' partitions).</summary>
internal sealed record SegmentTransitions(RfmRunInfo From, RfmRunInfo To, IReadOnlyList<TransitionCell> Cells)
{
    public static async Task<SegmentTransitions> ComputeAsync(NpgsqlDataSource dataSource, RfmRunInfo from, RfmRunInfo to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT a.segment_code, b.segment_code, count(*), coalesce(sum(b.monetary), 0), coalesce(sum(a.monetary), 0)
            FROM (SELECT customer_id, segment_code, monetary FROM scoring.customer_scores WHERE run_id = @from AND business_id = @business) a
            FULL JOIN (SELECT customer_id, segment_code, monetary FROM scoring.customer_scores WHERE run_id = @to AND business_id = @business) b
                ON a.customer_id = b.customer_id
            GROUP BY 1, 2
            ORDER BY 3 DESC, 1 NULLS FIRST, 2 NULLS FIRST
            """);
        command.Parameters.AddWithValue("from", from.Id);
        command.Parameters.AddWithValue("to", to.Id);
        command.Parameters.AddWithValue("business", to.BusinessId);
        return new SegmentTransitions(from, to, await ReadCellsAsync(command, cancellationToken));
    }

    internal static async Task<List<TransitionCell>> ReadCellsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var cells = new List<TransitionCell>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cells.Add(new TransitionCell(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetInt64(2),
                reader.GetDecimal(3),
                reader.GetDecimal(4)));
        }

        return cells;
    }
}
