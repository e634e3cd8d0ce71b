using Npgsql;

namespace RfmGraph.Platform.Security;

/// <summary>API keys for integrators, in <c>platform.api_keys</c> (hashes only).</summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Creates a key for a business and role; the returned key is the only time its secret exists in clear.</summary>
    public async Task<CreatedApiKey> CreateAsync(long businessId, string businessKey, string role, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(businessKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        var (key, prefix, hash) = ApiKey.Generate();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO platform.api_keys (prefix, secret_hash, business_id, business_key, role, name, created_at)
            VALUES (@prefix, @hash, @business_id, @business_key, @role, @name, @now)
            """);
        command.Parameters.AddWithValue("prefix", prefix);
        command.Parameters.AddWithValue("hash", hash);
        command.Parameters.AddWithValue("business_id", businessId);
        command.Parameters.AddWithValue("business_key", businessKey);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("name", string.IsNullOrWhiteSpace(name) ? $"{businessKey}/{role}" : name);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new CreatedApiKey(key, prefix, businessId, businessKey, role);
    }

    /// <summary>The active key this presented value proves, or null (unknown, malformed, wrong secret or revoked).</summary>
    public async Task<ApiKeyIdentity?> VerifyAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKey.TryParse(presented, out var prefix, out var secret))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT secret_hash, business_id, business_key, role, revoked_at IS NOT NULL FROM platform.api_keys WHERE prefix = @prefix");
        command.Parameters.AddWithValue("prefix", prefix);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // Hash anyway so unknown prefixes take as long as wrong secrets.
            _ = ApiKey.Matches(secret, new byte[32]);
            return null;
        }

        var hash = reader.GetFieldValue<byte[]>(0);
        var identity = new ApiKeyIdentity(prefix, reader.GetInt64(1), reader.GetString(2), reader.GetString(3));
        var revoked = reader.GetBoolean(4);
        return ApiKey.Matches(secret, hash) && !revoked ? identity : null;
    }

    /// <summary>Revokes a key by its prefix; false when no active key has it.</summary>
    public async Task<bool> RevokeAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE platform.api_keys SET revoked_at = @now WHERE prefix = @prefix AND revoked_at IS NULL");
        command.Parameters.AddWithValue("prefix", prefix);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}

/// <summary>A key just created. <see cref="Key"/> is shown once and never stored.</summary>
public sealed record CreatedApiKey(string Key, string Prefix, long BusinessId, string BusinessKey, string Role);

/// <summary>Who a verified key speaks for.</summary>
public sealed record ApiKeyIdentity(string Prefix, long BusinessId, string BusinessKey, string Role);
