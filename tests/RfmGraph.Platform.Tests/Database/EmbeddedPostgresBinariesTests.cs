using Npgsql;
using RfmGraph.Platform.Database;

namespace RfmGraph.Platform.Tests;

/// <summary>Finding the server binaries, the one-sentence failure without them, and the import-friendly settings.</summary>
public sealed class EmbeddedPostgresBinariesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rfmgraph-bins-").FullName;

    [Fact]
    public void Without_binaries_on_path_or_under_the_debian_root_nothing_is_found()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;

        Assert.Null(EmbeddedPostgres.FindBinDirectory(empty + Path.PathSeparator + Path.Combine(_root, "missing"), Path.Combine(_root, "no-debian-root")));
    }

    [Fact]
    public void Path_wins_and_the_newest_debian_version_is_the_fallback()
    {
        var onPath = FakeBinaries("on-path");
        var debian = Path.Combine(_root, "debian");
        FakeBinaries(Path.Combine("debian", "15", "bin"));
        var newest = FakeBinaries(Path.Combine("debian", "16", "bin"));
        Directory.CreateDirectory(Path.Combine(debian, "17", "bin")); // no binaries: skipped

        Assert.Equal(onPath, EmbeddedPostgres.FindBinDirectory(onPath, debian));
        Assert.Equal(newest, EmbeddedPostgres.FindBinDirectory(Path.Combine(_root, "missing"), debian));
    }

    [Fact]
    public async Task A_configured_bin_folder_without_binaries_fails_with_one_sentence_naming_the_setting()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "no-binaries")).FullName;

        var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_root, "data"), BinDirectory = empty }));

        Assert.Equal(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found in {empty} (Database:EmbeddedBinDirectory); " +
            "point it at PostgreSQL 15+'s bin folder, or leave it empty to search PATH and /usr/lib/postgresql.",
            error.Message);
        Assert.False(File.Exists(Path.Combine(_root, "data", "PG_VERSION")));
    }

    [Fact]
    public async Task The_embedded_server_runs_with_minimal_wal_and_parallel_index_builds()
    {
        await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_root, "settings"), Ephemeral = true });
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('wal_level'), current_setting('max_wal_senders'), current_setting('maintenance_work_mem'), current_setting('max_parallel_maintenance_workers')",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("minimal", "0", "512MB", "2"), (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string FakeBinaries(string relative)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_root, relative)).FullName;
        File.WriteAllText(Path.Combine(directory, "initdb"), string.Empty);
        File.WriteAllText(Path.Combine(directory, "pg_ctl"), string.Empty);
        return directory;
    }
}
