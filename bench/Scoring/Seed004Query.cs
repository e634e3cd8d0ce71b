namespace RfmGraph.Bench.Scoring;

/// <summary>
/// The RFM module's plain SELECT (seed 004): customer_orders CTE, rfm_with_scores CTE with NTILE(5),
/// a CASE for the segment — over sales.counted_sales, as the seed would run it (no tie-breaker,
/// results streamed to the client and discarded). This is the baseline a full run is compared with.
/// </summary>
internal static class Seed004Query
{
    public const string Text = """
        WITH customer_orders AS (
            SELECT customer_id,
                   EXTRACT(DAY FROM (@as_of - MAX(ordered_at) FILTER (WHERE counts_as_order)))::int AS recency_days,
                   COUNT(*) FILTER (WHERE counts_as_order) AS frequency,
                   SUM(net_amount) AS monetary
            FROM sales.counted_sales
            WHERE business_id = @business_id AND ordered_at >= @window_from AND ordered_at <= @as_of
            GROUP BY customer_id
            HAVING COUNT(*) FILTER (WHERE counts_as_order) > 0
        ),
        rfm_with_scores AS (
            SELECT customer_id, recency_days, frequency, monetary,
                   NTILE(5) OVER (ORDER BY recency_days DESC) AS recency_score,
                   NTILE(5) OVER (ORDER BY frequency ASC) AS frequency_score,
                   NTILE(5) OVER (ORDER BY monetary ASC) AS monetary_score
            FROM customer_orders
        )
        SELECT customer_id, recency_days, frequency, monetary, recency_score, frequency_score, monetary_score,
               CASE
                   WHEN recency_score = 5 AND frequency_score = 5 AND monetary_score = 5 THEN 'Champions'
                   WHEN recency_score >= 4 AND frequency_score >= 4 AND monetary_score >= 3 THEN 'Loyal Customers'
                   WHEN recency_score >= 4 AND frequency_score <= 3 AND monetary_score <= 3 THEN 'Potential Loyalists'
                   WHEN recency_score >= 4 AND frequency_score = 1 AND monetary_score <= 2 THEN 'New Customers'
                   WHEN recency_score >= 4 AND frequency_score = 1 AND monetary_score >= 3 THEN 'Promising'
                   WHEN recency_score = 3 AND frequency_score = 3 AND monetary_score = 3 THEN 'Need Attention'
                   WHEN recency_score = 3 AND frequency_score <= 2 AND monetary_score <= 2 THEN 'About to Sleep'
                   WHEN recency_score <= 2 AND frequency_score >= 4 AND monetary_score >= 3 THEN 'At Risk'
                   WHEN recency_score <= 2 AND frequency_score <= 2 AND monetary_score >= 4 THEN 'Cannot Lose Them'
                   WHEN recency_score <= 2 AND frequency_score <= 2 AND monetary_score <= 3 THEN 'Hibernating'
                   WHEN recency_score = 1 AND frequency_score = 1 AND monetary_score = 1 THEN 'Lost'
                   ELSE 'Others'
               END AS segment
        FROM rfm_with_scores
        """;
}
