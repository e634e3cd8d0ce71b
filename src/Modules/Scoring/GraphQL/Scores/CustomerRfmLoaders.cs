using Npgsql;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Data;

namespace RfmGraph.Scoring.GraphQL.Scores;

/// <summary>
/// Batched reads behind <c>Customer.rfm</c> and <c>Customer.rfmHistory</c>: a page of customers asks for all of
/// them in one statement each (no N+1).
/// </summary>
internal static class CustomerRfmLoaders
{
    /// <summary>The customer's score in the business-wide current run (null = not scored).</summary>
    public static Task<CustomerScoreRow?> CurrentAsync(IResolverContext context, long customerId)
    {
        var businessId = ScoringRequest.BusinessId(context);
        var dataSource = context.Service<NpgsqlDataSource>();
        return context.BatchLoader<long, CustomerScoreRow>("scoring.customer-rfm", async (ids, ct) =>
        {
            await using var command = dataSource.CreateCommand($"""
                SELECT {CustomerScoreRow.Columns}
                FROM scoring.current_runs cr
                JOIN scoring.customer_scores s ON s.run_id = cr.run_id AND s.customer_id = ANY(@ids)
                {CustomerScoreRow.SegmentJoins}
                WHERE cr.business_id = @business AND cr.storefront_id IS NULL AND s.business_id = @business
                """);
            command.Parameters.AddWithValue("ids", ids.ToArray());
            command.Parameters.AddWithValue("business", businessId);
            var rows = new Dictionary<long, CustomerScoreRow>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var row = CustomerScoreRow.Read(reader);
                rows[row.CustomerId] = row;
            }

            return rows;
        }).LoadAsync(customerId);
    }

    /// <summary>One entry per kept run that scored the customer, newest first.</summary>
    public static async Task<IReadOnlyList<CustomerScoreRow>> HistoryAsync(IResolverContext context, long customerId)
    {
        var businessId = ScoringRequest.BusinessId(context);
        var dataSource = context.Service<NpgsqlDataSource>();
        var rows = await context.BatchLoader<long, List<CustomerScoreRow>>("scoring.customer-rfm-history", async (ids, ct) =>
        {
            await using var command = dataSource.CreateCommand($"""
                SELECT {CustomerScoreRow.Columns}
                FROM scoring.customer_scores s
                {CustomerScoreRow.SegmentJoins}
                WHERE s.business_id = @business AND s.customer_id = ANY(@ids)
                ORDER BY s.customer_id, run.as_of DESC, s.run_id DESC
                """);
            command.Parameters.AddWithValue("ids", ids.ToArray());
            command.Parameters.AddWithValue("business", businessId);
            var history = new Dictionary<long, List<CustomerScoreRow>>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var row = CustomerScoreRow.Read(reader);
                if (!history.TryGetValue(row.CustomerId, out var list))
                {
                    history[row.CustomerId] = list = [];
                }

                list.Add(row);
            }

            return history;
        }).LoadAsync(customerId);
        return rows ?? [];
    }
}
