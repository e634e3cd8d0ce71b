using Npgsql;
using NpgsqlTypes;

namespace RfmGraph.Scoring.GraphQL.Scores;

/// <summary>The published run readers use for a scope (business; one storefront or all), from scoring.current_runs.</summary>
internal static class CurrentRun
{
    public static async Task<long?> FindAsync(NpgsqlDataSource dataSource, long businessId, long? storefrontId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT run_id FROM scoring.current_runs WHERE business_id = @business AND storefront_id IS NOT DISTINCT FROM @storefront");
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.Add(new NpgsqlParameter("storefront", NpgsqlDbType.Bigint) { Value = (object?)storefrontId ?? DBNull.Value });
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }
}
