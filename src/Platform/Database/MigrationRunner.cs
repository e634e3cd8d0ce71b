using Microsoft.Extensions.Logging;
using Npgsql;

namespace RfmGraph.Platform.Database;

/// <summary>
/// Applies the modules' SQL migrations. Safe to run from many Host instances at once: a
/// session-level advisory lock serialises them, and each script runs in its own transaction
/// together with its history row, so a failed script leaves nothing behind. A second run is a no-op.
/// </summary>
public sealed class MigrationRunner(ILogger<MigrationRunner> logger)
{
    // An arbitrary constant shared by every instance: "RFMGRAPH" as ASCII.
    private const long AdvisoryLockKey = 0x5246_4D47_5241_5048;

    /// <summary>Applies every pending script; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(string connectionString, IEnumerable<ModuleMigrations> modules, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE SCHEMA IF NOT EXISTS platform;
                CREATE TABLE IF NOT EXISTS platform.schema_migrations (
                    module      text        NOT NULL,
                    version     integer     NOT NULL,
                    name        text        NOT NULL,
                    checksum    text        NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (module, version)
                );
                """, cancellationToken);

            var applied = await AppliedAsync(connection, cancellationToken);
            var count = 0;
            foreach (var module in modules.OrderBy(m => m.Order))
            {
                foreach (var script in module.Scripts())
                {
                    if (applied.TryGetValue((module.Module, script.Version), out var checksum))
                    {
                        if (!string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
                        {
                            throw new InvalidOperationException(
                                $"Migration {module.Module}/{script.Version:D4}_{script.Name} was changed after it was applied; add a new migration instead.");
                        }

                        continue;
                    }

                    await ApplyAsync(connection, module.Module, script, cancellationToken);
                    count++;
                }
            }

            return count;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    /// <summary>True when every script of every module has been applied (used by /health).</summary>
    public static async Task<bool> IsUpToDateAsync(NpgsqlConnection connection, IEnumerable<ModuleMigrations> modules, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('platform.schema_migrations') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return false;
        }

        var applied = await AppliedAsync(connection, cancellationToken);
        return modules.All(m => m.Scripts().All(s => applied.ContainsKey((m.Module, s.Version))));
    }

    private async Task ApplyAsync(NpgsqlConnection connection, string module, MigrationScript script, CancellationToken cancellationToken)
    {
        logger.LogInformation("Applying migration {Module}/{Version:D4}_{Name}", module, script.Version, script.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new InvalidOperationException($"Migration {module}/{script.Version:D4}_{script.Name} failed: {ex.MessageText} (line {LineOf(script.Sql, ex.Position)})", ex);
        }

        await using var record = new NpgsqlCommand(
            "INSERT INTO platform.schema_migrations (module, version, name, checksum) VALUES (@module, @version, @name, @checksum)",
            connection, transaction);
        record.Parameters.AddWithValue("module", module);
        record.Parameters.AddWithValue("version", script.Version);
        record.Parameters.AddWithValue("name", script.Name);
        record.Parameters.AddWithValue("checksum", script.Checksum);
        await record.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<(string Module, int Version), string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<(string, int), string>();
        await using var command = new NpgsqlCommand("SELECT module, version, checksum FROM platform.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[(reader.GetString(0), reader.GetInt32(1))] = reader.GetString(2);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static int LineOf(string sql, int position) =>
        position <= 0 ? 0 : sql.AsSpan(0, Math.Min(position, sql.Length)).Count('\n') + 1;
}
