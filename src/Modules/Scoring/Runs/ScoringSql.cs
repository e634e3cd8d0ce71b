using System.Globalization;
using System.Text;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Runs;

/// <summary>
/// The set-based SQL of a run (docs/scoring-sql.md walks through it). One INSERT … SELECT reads
/// sales.counted_sales once, computes values, cut points, scores and segments, writes every score
/// row of the run and records the cut points on the run row. Parameters: @run_id, @business_id,
/// @storefront_id (only when the scope has one), @window_from, @window_to, @as_of, @bins,
/// @scheme_id, and for fixed thresholds @cut_r, @cut_f, @cut_m (numeric[]).
/// </summary>
internal static class ScoringSql
{
    /// <summary>The table a run writes into before it is attached as a partition of scoring.customer_scores.</summary>
    public static string RunTable(long runId) => "scoring.customer_scores_" + runId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Creates the run's own table. The CHECK lets ATTACH PARTITION skip its validation scan.
    /// </summary>
    public static string CreateRunTable(long runId) => $"""
        CREATE TABLE {RunTable(runId)} (LIKE scoring.customer_scores INCLUDING DEFAULTS,
            CONSTRAINT customer_scores_{runId.ToString(CultureInfo.InvariantCulture)}_run CHECK (run_id = {runId.ToString(CultureInfo.InvariantCulture)}))
        """;

    /// <summary>The unlogged table the run's values are staged in (dropped before the run commits).</summary>
    public static string ValuesTable(long runId) => "scoring.run_values_" + runId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Stage 1, the only read of sales: one row of values per customer with a counted order in the
    /// window. CREATE TABLE … AS may use parallel workers (an INSERT … SELECT may not), and this
    /// aggregation over millions of sales is most of a run's work. UNLOGGED: it never outlives the
    /// transaction, so it needs no WAL.
    /// Recency is the whole days from the last order to as_of. Subtracting timestamps gives an interval
    /// whose whole 24-hour periods are already counted as days, so for a non-negative interval its day
    /// field is floor(elapsed / 24 h); the runs_window CHECK (window_to &lt;= as_of) makes it
    /// non-negative. Reading that field as float8 costs a fraction of computing the same number through
    /// extract(epoch …), which is numeric in PostgreSQL 14+ (about 0.6 s per million customers).
    /// </summary>
    public static string StageValues(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return $"""
            CREATE UNLOGGED TABLE {ValuesTable(run.Id)} AS
            SELECT cs.customer_id,
                   max(cs.ordered_at) FILTER (WHERE cs.counts_as_order) AS last_order_at,
                   date_part('day', @as_of - max(cs.ordered_at) FILTER (WHERE cs.counts_as_order))::integer AS recency_days,
                   (count(*) FILTER (WHERE cs.counts_as_order))::integer AS frequency,
                   sum(cs.net_amount) AS monetary
            FROM sales.counted_sales cs
            WHERE cs.business_id = @business_id{(run.StorefrontId is null ? string.Empty : "\n  AND cs.storefront_id = @storefront_id")}
              AND cs.ordered_at >= @window_from AND cs.ordered_at <= @window_to
            GROUP BY cs.customer_id
            HAVING count(*) FILTER (WHERE cs.counts_as_order) > 0
            """;
    }

    /// <summary>
    /// Before an NTILE run's stage 2: how many customers were staged, and whether every (value,
    /// customer id) pair of the three orderings fits one bigint exactly (see <see cref="NtileBoundaryScores"/>):
    /// ids in 0..2^32-1 and monetary a whole number of cents within ±2^31. One scan of the staged values.
    /// </summary>
    public static string NtileKeysFit(long runId) => $"""
        SELECT count(*),
               coalesce(min(v.customer_id) >= 0 AND max(v.customer_id) <= 4294967295
                        AND min(v.monetary) >= -21474836.48 AND max(v.monetary) <= 21474836.47
                        AND max(scale(v.monetary)) <= 2, true)
        FROM {ValuesTable(runId)} AS v
        """;

    /// <summary>
    /// Stage 2: cut points, scores and segments from the staged values, written with one INSERT … SELECT.
    /// <paramref name="ntileKeysFit"/> is <see cref="NtileKeysFit"/>'s answer (NTILE only; it then also
    /// needs the @customers parameter).
    /// </summary>
    public static string Compute(RunRecord run, bool ntileKeysFit)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            WITH customer_values AS NOT MATERIALIZED (
                SELECT * FROM {ValuesTable(run.Id)}
            ),

            """);

        sql.Append(run.Method switch
        {
            ScoringMethod.Ntile => ntileKeysFit ? NtileBoundaryScores(run.Bins) : NtileWindowScores,
            ScoringMethod.QuantileTies => QuantileCutPoints + CutPointScores(run.Bins),
            ScoringMethod.FixedThresholds => FixedCutPoints + CutPointScores(run.Bins),
            _ => throw new ArgumentOutOfRangeException(nameof(run), run.Method, "Unknown scoring method."),
        });

        sql.Append("""
            ,
            cells AS (
                -- Every (r, f, m) cell of the N³ grid with its first matching rule; no rule = fallback.
                SELECT DISTINCT ON (g.r, g.f, g.m)
                       g.r, g.f, g.m,
                       coalesce(rule.code, scheme.fallback_code) AS segment_code,
                       rule.position AS rule_position
                FROM (SELECT r::smallint AS r, f::smallint AS f, m::smallint AS m
                      FROM generate_series(1, @bins) AS r, generate_series(1, @bins) AS f, generate_series(1, @bins) AS m) AS g
                CROSS JOIN scoring.segment_schemes AS scheme
                LEFT JOIN scoring.segment_rules AS rule
                       ON rule.scheme_id = scheme.id
                      AND g.r BETWEEN rule.r_min AND rule.r_max
                      AND g.f BETWEEN rule.f_min AND rule.f_max
                      AND g.m BETWEEN rule.m_min AND rule.m_max
                WHERE scheme.id = @scheme_id
                ORDER BY g.r, g.f, g.m, rule.position
            )
            """);

        if (run.Method != ScoringMethod.Ntile)
        {
            sql.Append("""
                ,
                recorded_cut_points AS (
                    UPDATE scoring.runs
                    SET cut_points = (SELECT jsonb_build_object('recency', to_jsonb(c.r), 'frequency', to_jsonb(c.f), 'monetary', to_jsonb(c.m))
                                      FROM cut_points AS c)
                    WHERE id = @run_id
                )
                """);
        }

        sql.Append(CultureInfo.InvariantCulture, $"""

            INSERT INTO {RunTable(run.Id)} (run_id, business_id, customer_id, last_order_at, recency_days, frequency, monetary,
                                            r, f, m, segment_code, rule_position)
            SELECT @run_id, @business_id, s.customer_id, s.last_order_at, s.recency_days, s.frequency, s.monetary,
                   s.r, s.f, s.m, c.segment_code, c.rule_position
            FROM scored AS s
            JOIN cells AS c ON c.r = s.r AND c.f = s.f AND c.m = s.m
            """);
        return sql.ToString();
    }

    // NTILE(N) over the order (value, customer_id): ties are broken by customer id so a run is
    // reproducible, and the better value gets the higher tile. PostgreSQL's ntile gives the first
    // n % N tiles n / N + 1 rows and the others n / N, so tile k ends at position
    // E(k) = k * (n / N) + least(k, n % N), and a row's tile is 1 + the number of k < N whose
    // E(k)-th row comes before it in that order. The boundary rows are found like QUANTILE_TIES' cut
    // points (percentile_disc at (E(k) - 1/2) / n, which lands exactly on position E(k)), on one bigint
    // per row that orders exactly as (value, customer_id): the value (for recency the negated days,
    // for monetary the cents) in the high 32 bits, the id in the low 32. NtileKeysFit checks that
    // every value and id fits, so no two rows share a key; otherwise the run uses NtileWindowScores.
    // Each boundary is unpacked into its value and id once, and rows are compared on their own values
    // (cheaper than packing every row's keys a second time). Three datum sorts of bigints and one pass
    // of comparisons cost about half of three window sorts that carry every column.
    private static string NtileBoundaryScores(int bins)
    {
        var terms = Enumerable.Range(1, bins - 1).ToList();
        string Join(string separator, string format) => string.Join(separator, terms.Select(k => string.Format(CultureInfo.InvariantCulture, format, k)));
        string Descending(string format) => string.Join(" ", terms.AsEnumerable().Reverse().Select(k => string.Format(CultureInfo.InvariantCulture, format, k, k + 1)));
        // key = value * 2^32 + id with 0 <= id < 2^32, so id = key & (2^32 - 1) and value = (key - id) / 2^32 exactly.
        string Unpack(string d, Func<string, string> value) =>
            Join(", ", $"{value($"((a.{d}[{{0}}] - (a.{d}[{{0}}] & 4294967295)) / 4294967296)")} AS {d}{{0}}, a.{d}[{{0}}] & 4294967295 AS {d}i{{0}}");
        return $"""
            ntile_keys AS NOT MATERIALIZED (
                SELECT (-v.recency_days)::bigint * 4294967296 + v.customer_id AS r_key,
                       v.frequency::bigint * 4294967296 + v.customer_id AS f_key,
                       (v.monetary * 100)::bigint * 4294967296 + v.customer_id AS m_key
                FROM customer_values AS v
            ),
            tile_ends AS (
                SELECT array_agg(((k * (@customers / @bins) + least(k, @customers % @bins)) - 0.5)::float8 / @customers ORDER BY k) AS fractions
                FROM generate_series(1, @bins - 1) AS k
                WHERE @customers > 0
            ),
            boundary_arrays AS (
                SELECT percentile_disc((SELECT fractions FROM tile_ends)) WITHIN GROUP (ORDER BY k.r_key) AS r,
                       percentile_disc((SELECT fractions FROM tile_ends)) WITHIN GROUP (ORDER BY k.f_key) AS f,
                       percentile_disc((SELECT fractions FROM tile_ends)) WITHIN GROUP (ORDER BY k.m_key) AS m
                FROM ntile_keys AS k
            ),
            -- MATERIALIZED and OFFSET 0: see CutPointScores.
            boundaries AS MATERIALIZED (
                SELECT {Unpack("r", days => "-" + days)},
                       {Unpack("f", frequency => frequency)},
                       {Unpack("m", cents => cents + " * 0.01")}
                FROM boundary_arrays AS a
            ),
            scored AS (
                SELECT v.*,
                       (CASE {Descending("WHEN v.recency_days < b.r{0} OR v.recency_days = b.r{0} AND v.customer_id > b.ri{0} THEN {1}")} ELSE 1 END)::smallint AS r,
                       (CASE {Descending("WHEN v.frequency > b.f{0} OR v.frequency = b.f{0} AND v.customer_id > b.fi{0} THEN {1}")} ELSE 1 END)::smallint AS f,
                       (CASE {Descending("WHEN v.monetary > b.m{0} OR v.monetary = b.m{0} AND v.customer_id > b.mi{0} THEN {1}")} ELSE 1 END)::smallint AS m
                FROM customer_values AS v CROSS JOIN boundaries AS b
                OFFSET 0
            )
            """;
    }

    // The general NTILE, for the runs whose keys do not fit one bigint (NtileBoundaryScores): three
    // window sorts. Recency and frequency have few distinct values, so ordering by (value, customer_id)
    // compares the second key for almost every pair, and PostgreSQL's sort then deforms both tuples each
    // time (twice the sort time of one key). The first key below packs the value into the high
    // 32 bits and the customer id, clamped to 0..2^32-1, into the low bits: one int8 compared by
    // value, unique whenever ids are below 2^32. The order is exactly (value, customer_id): a smaller
    // value always gives a smaller key (the id part is < 2^32), equal values order by the clamped
    // id, which is monotonic, and customer_id stays as the second key for ids the clamp merges.
    private const string NtileWindowScores = """
        scored AS (
            SELECT v.*,
                   ntile(@bins) OVER (ORDER BY (-v.recency_days)::bigint * 4294967296 + least(greatest(v.customer_id, 0), 4294967295), v.customer_id)::smallint AS r,
                   ntile(@bins) OVER (ORDER BY v.frequency::bigint * 4294967296 + least(greatest(v.customer_id, 0), 4294967295), v.customer_id)::smallint AS f,
                   ntile(@bins) OVER (ORDER BY v.monetary, v.customer_id)::smallint AS m
            FROM customer_values AS v
        )
        """;

    // Cut point k of frequency and monetary is the value at position ceil(k*n/N) of the n values in
    // ascending order; recency's k-th cut point (days, ascending) is the value at position
    // n + 1 - ceil((N-k)*n/N). Positions are computed exactly in integers; percentile_disc gets
    // (position - 1/2)/n so float rounding of the fraction cannot move it to a neighbour.
    private const string QuantileCutPoints = """
        fractions AS (
            SELECT array_agg((((k * p.n + @bins - 1) / @bins) - 0.5)::float8 / p.n ORDER BY k) AS ascending,
                   array_agg(((p.n + 1 - ((@bins - k) * p.n + @bins - 1) / @bins) - 0.5)::float8 / p.n ORDER BY k) AS recency
            FROM (SELECT count(*) AS n FROM customer_values) AS p, generate_series(1, @bins - 1) AS k
            WHERE p.n > 0
        ),
        cut_arrays AS (
            SELECT percentile_disc((SELECT recency FROM fractions)) WITHIN GROUP (ORDER BY v.recency_days) AS r,
                   percentile_disc((SELECT ascending FROM fractions)) WITHIN GROUP (ORDER BY v.frequency) AS f,
                   percentile_disc((SELECT ascending FROM fractions)) WITHIN GROUP (ORDER BY v.monetary) AS m
            FROM customer_values AS v
        ),
        """;

    private const string FixedCutPoints = """
        cut_arrays AS (
            SELECT @cut_r::numeric[] AS r, @cut_f::numeric[] AS f, @cut_m::numeric[] AS m
        ),
        """;

    // Frequency and monetary: 1 + the number of cut points strictly below the value.
    // Recency: N - the number of cut points at or below the days (fewer days = higher score).
    // Cut points ascend, so that count is the position of the highest cut point passed: a CASE
    // from the top stops at the first match. The cut points are unpacked into scalar columns once:
    // subscripting an array in every row costs more than the rest of the per-row work. MATERIALIZED
    // keeps it that way (inlined, the one-row CTE turns back into subscripts in every row), and
    // OFFSET 0 keeps the scores a column of their own: pulled up into the join with cells, each CASE
    // would be evaluated twice per row, once to hash and once to check the match (1.3 s of 3.5 s
    // per million customers).
    private static string CutPointScores(int bins)
    {
        var terms = Enumerable.Range(1, bins - 1).ToList();
        string Join(string separator, string format) => string.Join(separator, terms.Select(k => string.Format(CultureInfo.InvariantCulture, format, k)));
        string Descending(string format) => string.Join(" ", terms.AsEnumerable().Reverse().Select(k => string.Format(CultureInfo.InvariantCulture, format, k, k + 1, bins - k)));
        return $"""
            cut_points AS MATERIALIZED (
                SELECT a.r, a.f, a.m, {Join(", ", "a.r[{0}] AS r{0}")},
                       {Join(", ", "a.f[{0}] AS f{0}")},
                       {Join(", ", "a.m[{0}] AS m{0}")}
                FROM cut_arrays AS a
            ),
            scored AS (
                SELECT v.*,
                       (CASE {Descending("WHEN v.recency_days >= c.r{0} THEN {2}")} ELSE {bins} END)::smallint AS r,
                       (CASE {Descending("WHEN v.frequency > c.f{0} THEN {1}")} ELSE 1 END)::smallint AS f,
                       (CASE {Descending("WHEN v.monetary > c.m{0} THEN {1}")} ELSE 1 END)::smallint AS m
                FROM customer_values AS v CROSS JOIN cut_points AS c
                OFFSET 0
            )
            """;
    }

    /// <summary>
    /// Per-segment counts and averages and per-score value ranges of the run's rows, as one jsonb
    /// document (stored on the run and turned into the published event). One scan aggregates the
    /// rows into their (r, f, m) cells — at most N³ groups — and everything else is derived from
    /// those few rows.
    /// </summary>
    public static string Summary(long runId) => $"""
        WITH cells AS MATERIALIZED (
            SELECT t.r, t.f, t.m, t.segment_code, t.rule_position,
                   count(*) AS customers, sum(t.monetary) AS monetary,
                   sum(t.recency_days) AS recency_sum, sum(t.frequency) AS frequency_sum,
                   min(t.recency_days) AS r_min, max(t.recency_days) AS r_max,
                   min(t.frequency) AS f_min, max(t.frequency) AS f_max,
                   min(t.monetary) AS m_min, max(t.monetary) AS m_max
            FROM {RunTable(runId)} AS t
            GROUP BY t.r, t.f, t.m, t.segment_code, t.rule_position
        ),
        per_segment AS (
            SELECT c.segment_code, c.rule_position, sum(c.customers) AS customers, sum(c.monetary) AS monetary,
                   sum(c.recency_sum) / sum(c.customers) AS avg_recency_days,
                   sum(c.frequency_sum) / sum(c.customers) AS avg_frequency,
                   sum(c.monetary) / sum(c.customers) AS avg_monetary
            FROM cells AS c
            GROUP BY c.segment_code, c.rule_position
        ),
        per_score AS (
            SELECT 'r' AS dimension, c.r AS score, sum(c.customers) AS customers, min(c.r_min)::numeric AS min_value, max(c.r_max)::numeric AS max_value
            FROM cells AS c GROUP BY c.r
            UNION ALL
            SELECT 'f', c.f, sum(c.customers), min(c.f_min), max(c.f_max) FROM cells AS c GROUP BY c.f
            UNION ALL
            SELECT 'm', c.m, sum(c.customers), min(c.m_min), max(c.m_max) FROM cells AS c GROUP BY c.m
        )
        SELECT coalesce((SELECT sum(customers) FROM per_segment), 0)::bigint,
               coalesce((SELECT sum(monetary) FROM per_segment), 0)::numeric(20, 2),
               jsonb_build_object(
                   'segments', coalesce((
                       SELECT jsonb_agg(jsonb_build_object(
                                  'code', p.segment_code,
                                  'name', coalesce(rule.name, scheme.fallback_name),
                                  'position', p.rule_position,
                                  'customers', p.customers,
                                  'monetary', p.monetary,
                                  'avgRecencyDays', round(p.avg_recency_days, 4),
                                  'avgFrequency', round(p.avg_frequency, 4),
                                  'avgMonetary', round(p.avg_monetary, 4))
                              ORDER BY p.monetary DESC, p.segment_code)
                       FROM per_segment AS p
                       JOIN scoring.runs AS run ON run.id = @run_id
                       JOIN scoring.segment_schemes AS scheme ON scheme.id = run.scheme_id
                       LEFT JOIN scoring.segment_rules AS rule ON rule.scheme_id = scheme.id AND rule.position = p.rule_position), '[]'::jsonb),
                   'scores', coalesce((
                       SELECT jsonb_agg(jsonb_build_object('dimension', s.dimension, 'score', s.score, 'customers', s.customers,
                                                           'min', s.min_value, 'max', s.max_value)
                              ORDER BY strpos('rfm', s.dimension), s.score)
                       FROM per_score AS s), '[]'::jsonb)),
               (SELECT cut_points FROM scoring.runs WHERE id = @run_id)
        """;
}
