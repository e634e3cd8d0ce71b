using Npgsql;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.GraphQL.Statistics;
using RfmGraph.Scoring.Schemes;

namespace RfmGraph.Scoring.GraphQL.Schemes;

/// <summary>
/// Where a scheme would put the customers of a published run, against the segment they have now: the rules are
/// applied in SQL to the run's stored scores (first match by position, else the fallback), nothing is written.
/// </summary>
internal sealed record SchemePreview(RfmRunInfo Run, string SchemeKey, int? SchemeVersion, IReadOnlyList<TransitionCell> Cells)
{
    /// <summary>The cells with segment names (from the run's segments and the previewed scheme).</summary>
    public IReadOnlyList<TransitionView> Views { get; init; } = [];

    public long Customers => Cells.Sum(c => c.Customers);

    public long Moved => Cells.Where(c => c.FromCode != c.ToCode).Sum(c => c.Customers);

    public static async Task<SchemePreview> ComputeAsync(
        NpgsqlDataSource dataSource, RfmRunInfo run, string key, int? version, FallbackSegment fallback, IReadOnlyList<(ScoreRange R, ScoreRange F, ScoreRange M, string Code)> rules, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH rules AS (
                SELECT * FROM unnest(@position::int[], @code::text[], @r_min::int[], @r_max::int[], @f_min::int[], @f_max::int[], @m_min::int[], @m_max::int[])
                    AS r(position, code, r_min, r_max, f_min, f_max, m_min, m_max))
            SELECT s.segment_code, coalesce(x.code, @fallback), count(*), sum(s.monetary), sum(s.monetary)
            FROM scoring.customer_scores s
            LEFT JOIN LATERAL (
                SELECT rules.code FROM rules
                WHERE s.r BETWEEN rules.r_min AND rules.r_max AND s.f BETWEEN rules.f_min AND rules.f_max AND s.m BETWEEN rules.m_min AND rules.m_max
                ORDER BY rules.position LIMIT 1) x ON TRUE
            WHERE s.run_id = @run AND s.business_id = @business
            GROUP BY 1, 2
            ORDER BY 3 DESC, 1, 2
            """);
        command.Parameters.AddWithValue("position", Enumerable.Range(1, rules.Count).ToArray());
        command.Parameters.AddWithValue("code", rules.Select(r => r.Code).ToArray());
        command.Parameters.AddWithValue("r_min", rules.Select(r => r.R.Min).ToArray());
        command.Parameters.AddWithValue("r_max", rules.Select(r => r.R.Max).ToArray());
        command.Parameters.AddWithValue("f_min", rules.Select(r => r.F.Min).ToArray());
        command.Parameters.AddWithValue("f_max", rules.Select(r => r.F.Max).ToArray());
        command.Parameters.AddWithValue("m_min", rules.Select(r => r.M.Min).ToArray());
        command.Parameters.AddWithValue("m_max", rules.Select(r => r.M.Max).ToArray());
        command.Parameters.AddWithValue("fallback", fallback.Code);
        command.Parameters.AddWithValue("run", run.Id);
        command.Parameters.AddWithValue("business", run.BusinessId);
        return new SchemePreview(run, key, version, await SegmentTransitions.ReadCellsAsync(command, cancellationToken));
    }
}
