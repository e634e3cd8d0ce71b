using Npgsql;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Host.Tests.Support;

/// <summary>Test stand-in for the Sales module's business directory, over the same table (sales.businesses).</summary>
internal sealed class SqlBusinessDirectory(NpgsqlDataSource dataSource) : IBusinessDirectory
{
    public Task<BusinessInfo?> FindByKeyAsync(string businessKey, CancellationToken cancellationToken) =>
        FindAsync("key = @v", businessKey, cancellationToken);

    public Task<BusinessInfo?> FindByIdAsync(long businessId, CancellationToken cancellationToken) =>
        FindAsync("id = @v", businessId, cancellationToken);

    public async Task<BusinessInfo> EnsureAsync(string businessKey, string name, string currency, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO sales.businesses (key, name, currency) VALUES (@k, @n, @c) ON CONFLICT (key) DO NOTHING");
        command.Parameters.AddWithValue("k", businessKey);
        command.Parameters.AddWithValue("n", name);
        command.Parameters.AddWithValue("c", currency);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (await FindByKeyAsync(businessKey, cancellationToken))!;
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT NOT EXISTS (SELECT 1 FROM sales.businesses)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<BusinessInfo?> FindAsync(string predicate, object value, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT id, key, name, currency FROM sales.businesses WHERE {predicate}");
        command.Parameters.AddWithValue("v", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BusinessInfo(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3).Trim())
            : null;
    }
}
