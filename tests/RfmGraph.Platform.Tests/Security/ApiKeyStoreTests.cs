using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RfmGraph.Platform.Database;
using RfmGraph.Platform.Security;
using RfmGraph.Testing;

namespace RfmGraph.Platform.Tests.Security;

public sealed class ApiKeyStoreTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_created_key_verifies_to_its_business_and_role_and_only_its_hash_is_stored()
    {
        await using var dataSource = await MigratedAsync();
        var store = new ApiKeyStore(dataSource, TimeProvider.System);

        var created = await store.CreateAsync(7, "acme", "integrator", "crm sync", CancellationToken.None);
        var verified = await store.VerifyAsync(created.Key, CancellationToken.None);

        Assert.Matches("^rfm_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", created.Key);
        Assert.Equal(new ApiKeyIdentity(created.Prefix, 7, "acme", "integrator"), verified);
        await using var command = dataSource.CreateCommand("SELECT secret_hash FROM platform.api_keys WHERE prefix = @p");
        command.Parameters.AddWithValue("p", created.Prefix);
        var stored = (byte[])(await command.ExecuteScalarAsync())!;
        Assert.Equal(ApiKey.Hash(created.Key[(4 + 12 + 1)..]), stored);
        Assert.DoesNotContain(created.Key[(4 + 12 + 1)..], Convert.ToBase64String(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_an_unknown_prefix_and_garbage_are_refused()
    {
        await using var dataSource = await MigratedAsync();
        var store = new ApiKeyStore(dataSource, TimeProvider.System);
        var created = await store.CreateAsync(1, "acme", "viewer", "", CancellationToken.None);

        var wrongSecret = created.Key[..^1] + (created.Key[^1] == 'A' ? 'B' : 'A');
        var unknownPrefix = "rfm_" + (created.Prefix == "000000000000" ? "111111111111" : "000000000000") + created.Key[16..];

        Assert.Null(await store.VerifyAsync(wrongSecret, CancellationToken.None));
        Assert.Null(await store.VerifyAsync(unknownPrefix, CancellationToken.None));
        Assert.Null(await store.VerifyAsync("not-a-key", CancellationToken.None));
        Assert.Null(await store.VerifyAsync(string.Empty, CancellationToken.None));
    }

    [Fact]
    public async Task A_revoked_key_stops_working()
    {
        await using var dataSource = await MigratedAsync();
        var store = new ApiKeyStore(dataSource, TimeProvider.System);
        var created = await store.CreateAsync(3, "acme", "ops", "", CancellationToken.None);

        Assert.True(await store.RevokeAsync(created.Prefix, CancellationToken.None));
        Assert.False(await store.RevokeAsync(created.Prefix, CancellationToken.None));
        Assert.Null(await store.VerifyAsync(created.Key, CancellationToken.None));
    }

    private async Task<NpgsqlDataSource> MigratedAsync()
    {
        var database = await postgres.CreateDatabaseAsync("apikeys");
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(database, [PlatformModule.Migrations]);
        return NpgsqlDataSource.Create(database);
    }
}
