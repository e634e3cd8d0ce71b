using Npgsql;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Sales.Businesses;

/// <summary>
/// Businesses are looked up before any tenant is known (authentication, CLI), so this reads
/// sales.businesses directly instead of through the tenant-filtered DbContext.
/// </summary>
internal sealed class BusinessDirectory(NpgsqlDataSource dataSource) : IBusinessDirectory
{
    private const string Columns = "id, key, name, currency";

    public async Task<BusinessInfo?> FindByKeyAsync(string businessKey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM sales.businesses WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = businessKey });
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<BusinessInfo?> FindByIdAsync(long businessId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM sales.businesses WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = businessId });
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<BusinessInfo> EnsureAsync(string businessKey, string name, string currency, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await EnsureAsync(connection, null, businessKey, name, currency, cancellationToken);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT NOT EXISTS (SELECT 1 FROM sales.businesses)");
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>Creates the business unless it exists (race-free: concurrent callers get the same row).</summary>
    public static async Task<BusinessInfo> EnsureAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string businessKey, string name, string currency, CancellationToken cancellationToken)
    {
        if (!BusinessKey.IsValid(businessKey))
        {
            throw new ArgumentException(BusinessKey.Describe(businessKey), nameof(businessKey));
        }

        if (!BusinessKey.IsValidCurrency(currency))
        {
            throw new ArgumentException($"'{currency}' is not a three-letter upper-case currency code.", nameof(currency));
        }

        // DO UPDATE with a no-op assignment so RETURNING yields the existing row too.
        await using var command = new NpgsqlCommand($"""
            INSERT INTO sales.businesses (key, name, currency) VALUES ($1, $2, $3)
            ON CONFLICT (key) DO UPDATE SET key = excluded.key
            RETURNING {Columns}
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = businessKey });
        command.Parameters.Add(new NpgsqlParameter { Value = string.IsNullOrWhiteSpace(name) ? businessKey : name });
        command.Parameters.Add(new NpgsqlParameter { Value = currency });
        return (await ReadOneAsync(command, cancellationToken))!;
    }

    private static async Task<BusinessInfo?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BusinessInfo(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }
}
