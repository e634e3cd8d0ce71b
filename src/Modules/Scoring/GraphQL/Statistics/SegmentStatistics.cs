using Npgsql;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.GraphQL.Statistics;

/// <summary>Counts, revenue and averages of one run: in total, per segment (by revenue, largest first) and per score of each dimension.</summary>
internal sealed record SegmentStatistics(
    RfmRunInfo Run,
    GroupStatistic Total,
    IReadOnlyList<SegmentStatistic> Segments,
    IReadOnlyList<ScoreStatistic> Recency,
    IReadOnlyList<ScoreStatistic> Frequency,
    IReadOnlyList<ScoreStatistic> Monetary)
{
    /// <summary>One statement: GROUPING SETS over the run's partition (segment, r, f, m and the grand total).</summary>
    public static async Task<SegmentStatistics> ComputeAsync(NpgsqlDataSource dataSource, RfmRunInfo run, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT CASE WHEN grouping(s.segment_code) = 0 THEN 'segment'
                        WHEN grouping(s.r) = 0 THEN 'r'
                        WHEN grouping(s.f) = 0 THEN 'f'
                        WHEN grouping(s.m) = 0 THEN 'm'
                        ELSE 'total' END,
                   s.segment_code, max(coalesce(rule.name, sch.fallback_name)), coalesce(s.r, s.f, s.m),
                   count(*), sum(s.monetary), sum(s.frequency),
                   round(avg(s.recency_days), 2), round(avg(s.frequency), 2), round(avg(s.monetary), 2)
            FROM scoring.customer_scores s
            {Scores.CustomerScoreRow.SegmentJoins}
            WHERE s.run_id = @run AND s.business_id = @business
            GROUP BY GROUPING SETS ((s.segment_code), (s.r), (s.f), (s.m), ())
            """);
        command.Parameters.AddWithValue("run", run.Id);
        command.Parameters.AddWithValue("business", run.BusinessId);
        var total = new GroupStatistic(0, 0, 0, 0, 0, 0);
        var segments = new List<SegmentStatistic>();
        var byDimension = new Dictionary<string, List<ScoreStatistic>> { ["r"] = [], ["f"] = [], ["m"] = [] };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var group = new GroupStatistic(
                reader.GetInt64(4),
                reader.IsDBNull(5) ? 0 : reader.GetDecimal(5),
                reader.IsDBNull(6) ? 0 : reader.GetInt64(6),
                reader.IsDBNull(7) ? 0 : reader.GetDecimal(7),
                reader.IsDBNull(8) ? 0 : reader.GetDecimal(8),
                reader.IsDBNull(9) ? 0 : reader.GetDecimal(9));
            switch (reader.GetString(0))
            {
                case "segment":
                    segments.Add(new SegmentStatistic(reader.GetString(1), reader.GetString(2), group));
                    break;
                case "total":
                    total = group;
                    break;
                case var dimension:
                    byDimension[dimension].Add(new ScoreStatistic(reader.GetInt16(3), group));
                    break;
            }
        }

        return new SegmentStatistics(
            run,
            total,
            [.. segments.OrderByDescending(s => s.Group.Revenue).ThenBy(s => s.Code, StringComparer.Ordinal)],
            [.. byDimension["r"].OrderByDescending(s => s.Score)],
            [.. byDimension["f"].OrderByDescending(s => s.Score)],
            [.. byDimension["m"].OrderByDescending(s => s.Score)]);
    }
}

/// <summary>Aggregates of a group of scored customers.</summary>
internal sealed record GroupStatistic(long Customers, decimal Revenue, long Orders, decimal AvgRecencyDays, decimal AvgFrequency, decimal AvgMonetary)
{
    /// <summary>Revenue per counted order (0 when there are none).</summary>
    public decimal AverageOrderValue => Orders == 0 ? 0 : decimal.Round(Revenue / Orders, 2);
}

internal sealed record SegmentStatistic(string Code, string Name, GroupStatistic Group);

internal sealed record ScoreStatistic(int Score, GroupStatistic Group);
