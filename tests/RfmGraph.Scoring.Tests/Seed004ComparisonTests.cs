using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Tests.Infrastructure;
using RfmGraph.Scoring.Tests.Reference;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests;

/// <summary>
/// The RFM module's query (seed 004: a customer_orders CTE, an rfm_with_scores CTE with NTILE(5),
/// a CASE for the segment) run on the same data gives the same values, R, F, M and classic11
/// segment as our NTILE run.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Seed004ComparisonTests(PostgresFixture postgres)
{
    // Adapted to sales.counted_sales: refunds are rows with counts_as_order = false that lower
    // monetary; the NTILE orderings get ", customer_id" because without a tie-breaker PostgreSQL
    // may order equal values either way and no two runs need agree.
    internal const string Seed004Query = """
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
                   NTILE(5) OVER (ORDER BY recency_days DESC, customer_id) AS recency_score,
                   NTILE(5) OVER (ORDER BY frequency ASC, customer_id) AS frequency_score,
                   NTILE(5) OVER (ORDER BY monetary ASC, customer_id) AS monetary_score
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

    [Theory]
    [InlineData(11, 3000)]
    [InlineData(12, 7)]     // fewer customers than tiles
    [InlineData(13, 1)]     // one customer
    public async Task Seed004_ntile_query_and_our_ntile_run_agree(int seed, int customers)
    {
        var sales = RandomSales.Generate(seed, customers * 10 / 9 + 1);   // every 10th customer is in business 2
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(sales);
        var run = await harness.RunAsync(new RfmRunRequest(1, AsOf: RandomSales.AsOf, Days: RandomSales.WindowDays,
            Method: ScoringMethod.Ntile, Scheme: "classic11"));
        var ours = await harness.ScoresAsync(run.Id);
        var names = (await harness.Schemes.FindAsync(1, "classic11", null, CancellationToken.None))!.Rules.ToDictionary(r => r.Code, r => r.Name);
        names["OTHERS"] = "Others";

        await using var command = harness.DataSource.CreateCommand(Seed004Query);
        command.Parameters.AddWithValue("as_of", RandomSales.AsOf);
        command.Parameters.AddWithValue("window_from", RandomSales.AsOf.AddDays(-RandomSales.WindowDays));
        command.Parameters.AddWithValue("business_id", 1L);
        var seen = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            seen++;
            var row = ours[reader.GetInt64(0)];
            var theirs = (reader.GetInt32(1), reader.GetInt64(2), reader.GetDecimal(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7));
            Assert.Equal(theirs, (row.RecencyDays, (long)row.Frequency, row.Monetary, row.R, row.F, row.M, names[row.Segment]));
        }

        Assert.Equal(ours.Count, seen);
        Assert.True(seen > 0);
    }
}
