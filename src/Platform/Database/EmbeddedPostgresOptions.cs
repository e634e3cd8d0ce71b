namespace RfmGraph.Platform.Database;

/// <summary>How to start a private PostgreSQL server from the binaries installed on the machine.</summary>
public sealed record EmbeddedPostgresOptions
{
    /// <summary>Data directory (created by initdb when empty). Reused when it already holds a cluster.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Folder with initdb/pg_ctl/postgres; null searches PATH and /usr/lib/postgresql/*/bin.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>Database created on first start and named in <see cref="EmbeddedPostgres.ConnectionString"/>.</summary>
    public string Database { get; init; } = "rfmgraph";

    /// <summary>Superuser created by initdb. Authentication is trust on loopback only.</summary>
    public string User { get; init; } = "rfmgraph";

    /// <summary>
    /// Throw-away clusters (tests) trade durability for speed: fsync and full-page writes off.
    /// Never set for a cluster that holds data somebody wants to keep.
    /// </summary>
    public bool Ephemeral { get; init; }

    /// <summary>Extra <c>-c name=value</c> server settings.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
