using System.ComponentModel.DataAnnotations;

namespace RfmGraph.Platform.Database;

/// <summary>
/// Where the database is. Bound from the <c>Database</c> section; the connection string itself is
/// the standard <c>ConnectionStrings:Rfm</c> (env <c>RFMGRAPH__CONNECTIONSTRINGS__RFM</c> or
/// <c>ConnectionStrings__Rfm</c>). Without one, an embedded server is started from the installed binaries.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>Configuration section of the non-connection-string settings.</summary>
    public const string SectionName = "Database";

    /// <summary>Name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Rfm";

    /// <summary>Connection string of an existing server; null or empty starts the embedded one.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Data directory of the embedded server; relative paths are under the repository root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string EmbeddedDataDirectory { get; set; } = Path.Combine(".rfmgraph", "postgres");

    /// <summary>Folder with initdb/pg_ctl; empty searches PATH and /usr/lib/postgresql/*/bin.</summary>
    public string? EmbeddedBinDirectory { get; set; }

    /// <summary>How long start-up keeps retrying a configured server that does not answer yet (e.g. a container still booting).</summary>
    [Range(0, 600)]
    public int ConnectTimeoutSeconds { get; set; } = 30;

    /// <summary>Run the modules' migrations at start-up (under an advisory lock).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
