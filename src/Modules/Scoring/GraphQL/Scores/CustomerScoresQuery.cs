using Npgsql;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Platform.GraphQL.Querying;

namespace RfmGraph.Scoring.GraphQL.Scores;

/// <summary>
/// The customerScores connection: one run's scores joined to <c>sales.customer_directory</c> (the customer fields
/// Sales publishes for other modules), filtered, sorted and keyset-paged in one SQL statement.
/// </summary>
internal static class CustomerScoresQuery
{
    public static readonly SqlModel Model = new(
        "CustomerScore",
        $"""
        scoring.customer_scores s
        {CustomerScoreRow.SegmentJoins}
        JOIN sales.customer_directory d ON d.business_id = s.business_id AND d.customer_id = s.customer_id
        """,
        "s.customer_id",
        [
            new("externalId", "d.external_id", SqlKind.String, "The customer's id in the source system."),
            new("name", "d.name", SqlKind.String, "The customer's name.", "coalesce(d.name, '')"),
            new("email", "d.email", SqlKind.String, "The customer's email.", "coalesce(d.email, '')"),
            new("recencyDays", "s.recency_days", SqlKind.Int, "Whole days from the last counted order to the run's asOf."),
            new("frequency", "s.frequency", SqlKind.Int, "Counted orders in the window."),
            new("monetary", "s.monetary", SqlKind.Decimal, "Net revenue in the window (refunds subtracted)."),
            new("r", "s.r", SqlKind.Int, "Recency score (N = most recent)."),
            new("f", "s.f", SqlKind.Int, "Frequency score (N = most frequent)."),
            new("m", "s.m", SqlKind.Int, "Monetary score (N = highest spend)."),
            new("segmentCode", "s.segment_code", SqlKind.String, "Code of the customer's segment."),
            new("segmentName", "coalesce(rule.name, sch.fallback_name)", SqlKind.String, "Name of the customer's segment."),
            new("lastOrderAt", "s.last_order_at", SqlKind.DateTime, "When the customer's last counted order was placed."),
        ]);

    private static readonly SqlPage<CustomerScoreNode> Page = new(
        Model,
        reader => new CustomerScoreNode(
            CustomerScoreRow.Read(reader),
            reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetString(13),
            reader.IsDBNull(14) ? null : reader.GetString(14)),
        CustomerScoreRow.Columns + ", d.external_id, d.name, d.email");

    public static Task<Connection<CustomerScoreNode>> ExecuteAsync(IResolverContext context, long businessId, long runId) =>
        Page.ExecuteAsync(
            context.Service<NpgsqlDataSource>(),
            context,
            "s.run_id = @run AND s.business_id = @business",
            [new NpgsqlParameter("run", runId), new NpgsqlParameter("business", businessId)],
            [("monetary", true)]);
}
