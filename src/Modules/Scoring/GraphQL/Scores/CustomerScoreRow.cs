using Npgsql;
using RfmGraph.Scoring.Data;

namespace RfmGraph.Scoring.GraphQL.Scores;

/// <summary>A customer's values, scores and segment in one run (a row of scoring.customer_scores with its segment's name).</summary>
internal sealed record CustomerScoreRow(
    long RunId,
    long CustomerId,
    DateTimeOffset LastOrderAt,
    int RecencyDays,
    int Frequency,
    decimal Monetary,
    int R,
    int F,
    int M,
    string SegmentCode,
    string SegmentName,
    int? RulePosition)
{
    /// <summary>Joins that name the segment: the run's scheme version, and the rule the customer matched (none = fallback).</summary>
    public const string SegmentJoins = """
        JOIN scoring.runs run ON run.id = s.run_id
        JOIN scoring.segment_schemes sch ON sch.id = run.scheme_id
        LEFT JOIN scoring.segment_rules rule ON rule.scheme_id = run.scheme_id AND rule.position = s.rule_position
        """;

    /// <summary>The columns <see cref="Read"/> expects, in order, for a FROM with alias s plus <see cref="SegmentJoins"/>.</summary>
    public const string Columns = """
        s.run_id, s.customer_id, s.last_order_at, s.recency_days, s.frequency, s.monetary, s.r, s.f, s.m,
        s.segment_code, coalesce(rule.name, sch.fallback_name), s.rule_position
        """;

    public static CustomerScoreRow Read(NpgsqlDataReader reader) => Read(reader, 0);

    /// <summary>The same values from a row of the customerScores connection.</summary>
    public static CustomerScoreRow From(CustomerScore score) => new(
        score.RunId, score.CustomerId, score.LastOrderAt, score.RecencyDays, score.Frequency, score.Monetary,
        score.R, score.F, score.M, score.SegmentCode, score.SegmentName, score.RulePosition);

    /// <summary>The members of <see cref="CustomerScore"/> that <see cref="From"/> reads (for projections).</summary>
    public static readonly string[] Members =
    [
        nameof(CustomerScore.RunId), nameof(CustomerScore.CustomerId), nameof(CustomerScore.LastOrderAt), nameof(CustomerScore.RecencyDays),
        nameof(CustomerScore.Frequency), nameof(CustomerScore.Monetary), nameof(CustomerScore.R), nameof(CustomerScore.F), nameof(CustomerScore.M),
        nameof(CustomerScore.SegmentCode), nameof(CustomerScore.SegmentName), nameof(CustomerScore.RulePosition),
    ];

    public static CustomerScoreRow Read(NpgsqlDataReader reader, int offset) => new(
        reader.GetInt64(offset),
        reader.GetInt64(offset + 1),
        reader.GetFieldValue<DateTimeOffset>(offset + 2),
        reader.GetInt32(offset + 3),
        reader.GetInt32(offset + 4),
        reader.GetDecimal(offset + 5),
        reader.GetInt16(offset + 6),
        reader.GetInt16(offset + 7),
        reader.GetInt16(offset + 8),
        reader.GetString(offset + 9),
        reader.GetString(offset + 10),
        reader.IsDBNull(offset + 11) ? null : reader.GetInt16(offset + 11));
}
