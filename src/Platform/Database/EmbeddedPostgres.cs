using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace RfmGraph.Platform.Database;

/// <summary>
/// A private PostgreSQL server run from the installed binaries: initdb into a data directory,
/// pg_ctl start on a free loopback port, pg_ctl stop on dispose. Used by the Host when no
/// connection string is configured, and by every test fixture that needs a real database.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root. When this process is root (as on CI machines), the binaries
/// are run through <c>runuser -u postgres</c> and the data directory is handed to that user.
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string PortFileName = "rfmgraph.port";
    private readonly EmbeddedPostgresOptions _options;
    private readonly string _binDirectory;
    private readonly ILogger _logger;
    private readonly bool _ownsServer;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, string binDirectory, int port, bool ownsServer, ILogger logger)
    {
        _options = options;
        _binDirectory = binDirectory;
        Port = port;
        _ownsServer = ownsServer;
        _logger = logger;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = options.User,
            Database = options.Database,
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    /// <summary>Loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Connection string for <see cref="EmbeddedPostgresOptions.Database"/>.</summary>
    public string ConnectionString { get; }

    /// <summary>Connection string for another database on the same server.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>
    /// Starts (or joins) the server. If the data directory is already served by a running
    /// postmaster (another process of ours started it), that server is used and left running.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">The binaries are missing or the server would not start.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(
        EmbeddedPostgresOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        var binDirectory = options.BinDirectory is { } configured
            ? (HasServerBinaries(configured) ? configured : throw new EmbeddedPostgresException(
                $"PostgreSQL server binaries (initdb, pg_ctl) were not found in {configured} (Database:EmbeddedBinDirectory); " +
                "point it at PostgreSQL 15+'s bin folder, or leave it empty to search PATH and /usr/lib/postgresql."))
            : FindBinDirectory(Environment.GetEnvironmentVariable("PATH") ?? string.Empty, DebianRoot)
            ?? throw new EmbeddedPostgresException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql; " +
                "install PostgreSQL 15+ (apt-get install postgresql) or set ConnectionStrings:Rfm " +
                "(RFMGRAPH__CONNECTIONSTRINGS__RFM) to an existing server.");

        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var runAsPostgres = Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();
        if (runAsPostgres)
        {
            await GrantToPostgresUserAsync(dataDirectory, cancellationToken);
        }

        var server = new ServerControl(binDirectory, runAsPostgres, logger);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            logger.LogInformation("Initialising a PostgreSQL cluster in {DataDirectory}", dataDirectory);
            await server.RunAsync("initdb", ["-D", dataDirectory, "-U", options.User, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"], cancellationToken);
        }

        var portFile = Path.Combine(dataDirectory, PortFileName);
        if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")) && File.Exists(portFile)
            && int.TryParse(await File.ReadAllTextAsync(portFile, cancellationToken), NumberStyles.Integer, CultureInfo.InvariantCulture, out var runningPort)
            && await server.IsRunningAsync(dataDirectory, cancellationToken))
        {
            logger.LogInformation("Using the PostgreSQL server already running on port {Port} for {DataDirectory}", runningPort, dataDirectory);
            var joined = new EmbeddedPostgres(options, binDirectory, runningPort, ownsServer: false, logger);
            await joined.EnsureDatabaseAsync(cancellationToken);
            return joined;
        }

        var logFile = Path.Combine(dataDirectory, "server.log");
        int port;
        for (var attempt = 1; ; attempt++)
        {
            port = FreeLoopbackPort();
            await File.WriteAllTextAsync(portFile, port.ToString(CultureInfo.InvariantCulture), cancellationToken);
            var logLength = File.Exists(logFile) ? new FileInfo(logFile).Length : 0;
            try
            {
                await server.RunAsync("pg_ctl", ["start", "-w", "-t", "60", "-D", dataDirectory, "-l", logFile, "-o", BuildServerOptions(options, port)], cancellationToken, logFile);
                break;
            }
            catch (EmbeddedPostgresException) when (attempt < 5)
            {
                // The port was free when probed, but another process may have bound it before the postmaster did
                // (test suites start many servers at once): then probe another.
                if (!await PortWasTakenAsync(logFile, logLength, cancellationToken))
                {
                    throw;
                }
                logger.LogInformation("Port {Port} was taken before PostgreSQL could bind it; trying another", port);
            }
        }
        logger.LogInformation("Started PostgreSQL on 127.0.0.1:{Port} (data {DataDirectory})", port, dataDirectory);

        var started = new EmbeddedPostgres(options, binDirectory, port, ownsServer: true, logger);
        await started.EnsureDatabaseAsync(cancellationToken);
        return started;
    }

    /// <summary>Stops the server if this instance started it (fast shutdown: open sessions are rolled back).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_ownsServer)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var server = new ServerControl(_binDirectory, Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows(), _logger);
        try
        {
            await server.RunAsync("pg_ctl", ["stop", "-w", "-m", "fast", "-D", Path.GetFullPath(_options.DataDirectory)], CancellationToken.None);
            _logger.LogInformation("Stopped PostgreSQL on port {Port}", Port);
        }
        catch (EmbeddedPostgresException ex)
        {
            _logger.LogWarning(ex, "PostgreSQL on port {Port} did not stop cleanly", Port);
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", _options.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_options.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string BuildServerOptions(EmbeddedPostgresOptions options, int port)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["port"] = port.ToString(CultureInfo.InvariantCulture),
            ["listen_addresses"] = "127.0.0.1",
            // No Unix socket: the socket path limit (107 bytes) breaks deep data directories.
            ["unix_socket_directories"] = "''",
            ["max_connections"] = "200",
            ["shared_buffers"] = "256MB",
            ["max_wal_size"] = "4GB",
            // A private server has no replicas or WAL archive, so it can log the minimum: a table
            // created (or truncated) in the same transaction as its bulk load, like the partition a
            // first sales import fills, then needs no WAL at all and is synced once at commit.
            ["wal_level"] = "minimal",
            ["max_wal_senders"] = "0",
            ["checkpoint_timeout"] = "15min",
            // Index builds after bulk loads sort millions of keys: enough memory to sort in one go,
            // and a parallel worker so a sort uses the second core.
            ["maintenance_work_mem"] = "512MB",
            ["max_parallel_maintenance_workers"] = "2",
        };
        if (options.Ephemeral)
        {
            settings["fsync"] = "off";
            settings["synchronous_commit"] = "off";
            settings["full_page_writes"] = "off";
            settings["shared_buffers"] = "128MB";
        }

        foreach (var (name, value) in options.Settings)
        {
            settings[name] = value;
        }

        return string.Join(' ', settings.Select(s => $"-c {s.Key}={s.Value}"));
    }

    /// <summary>Whether the server log written since <paramref name="from"/> says the listen address was in use.</summary>
    private static async Task<bool> PortWasTakenAsync(string logFile, long from, CancellationToken cancellationToken)
    {
        if (!File.Exists(logFile))
        {
            return false;
        }
        var bytes = await File.ReadAllBytesAsync(logFile, cancellationToken);
        var written = System.Text.Encoding.UTF8.GetString(bytes, (int)Math.Min(from, bytes.Length), bytes.Length - (int)Math.Min(from, bytes.Length));
        return written.Contains("Address already in use", StringComparison.Ordinal);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Where Debian/Ubuntu packages install the server binaries (one folder per major version).</summary>
    internal const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The first folder of <paramref name="path"/> with initdb and pg_ctl, else the newest version under <paramref name="debianRoot"/>.</summary>
    internal static string? FindBinDirectory(string path, string debianRoot)
    {
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasServerBinaries(directory))
            {
                return directory;
            }
        }

        if (Directory.Exists(debianRoot))
        {
            return Directory.GetDirectories(debianRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(HasServerBinaries)
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault();
        }

        return null;
    }

    private static bool HasServerBinaries(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static async Task GrantToPostgresUserAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        // The server user must own the data directory (0700) and be able to reach it through its parents.
        var control = new ServerControl("/usr/bin", runAsPostgres: false, NullLogger.Instance);
        try
        {
            await control.RunAsync("chown", ["-R", "postgres:postgres", dataDirectory], cancellationToken);
            await control.RunAsync("chmod", ["0700", dataDirectory], cancellationToken);
        }
        catch (EmbeddedPostgresException ex)
        {
            throw new EmbeddedPostgresException(
                "PostgreSQL cannot run as root and this process is root, but the data directory could not be handed to " +
                "the 'postgres' user (does it exist? apt-get install postgresql creates it): " + ex.Message, ex);
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        for (var parent = Directory.GetParent(dataDirectory); parent is not null; parent = parent.Parent)
        {
            var mode = File.GetUnixFileMode(parent.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(parent.FullName, mode | UnixFileMode.OtherExecute);
            }
        }
    }

    /// <summary>Runs PostgreSQL's command-line tools, as the postgres user when we are root.</summary>
    private sealed class ServerControl(string binDirectory, bool runAsPostgres, ILogger logger)
    {
        public async Task<bool> IsRunningAsync(string dataDirectory, CancellationToken cancellationToken)
        {
            var (exitCode, _) = await ExecuteAsync("pg_ctl", ["status", "-D", dataDirectory], cancellationToken);
            return exitCode == 0;
        }

        public async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken, string? logFile = null)
        {
            var (exitCode, output) = await ExecuteAsync(tool, arguments, cancellationToken);
            if (exitCode != 0)
            {
                var serverLog = logFile is not null && File.Exists(logFile)
                    ? Environment.NewLine + "Server log (tail):" + Environment.NewLine + Tail(await File.ReadAllTextAsync(logFile, cancellationToken))
                    : string.Empty;
                throw new EmbeddedPostgresException($"'{tool} {string.Join(' ', arguments)}' failed with exit code {exitCode}: {output.Trim()}{serverLog}");
            }

            logger.LogDebug("{Tool}: {Output}", tool, output.Trim());
        }

        private async Task<(int ExitCode, string Output)> ExecuteAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
        {
            var executable = Path.IsPathRooted(tool) || tool is "chown" or "chmod" ? tool : Path.Combine(binDirectory, tool);
            var startInfo = new ProcessStartInfo
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (runAsPostgres)
            {
                startInfo.FileName = "runuser";
                foreach (var prefix in new[] { "-u", "postgres", "--", executable })
                {
                    startInfo.ArgumentList.Add(prefix);
                }
            }
            else
            {
                startInfo.FileName = executable;
            }

            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            // pg_ctl start leaves the postmaster holding inherited pipes open; read to the end
            // only for tools that exit together with their children.
            using var process = Process.Start(startInfo)
                ?? throw new EmbeddedPostgresException($"Could not start {executable}.");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var output = await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2), cancellationToken)) is Task<string[]> both
                ? string.Concat(await both)
                : string.Empty;
            return (process.ExitCode, output);
        }

        private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
    }
}

/// <summary>The embedded PostgreSQL server could not be found, initialised, started or stopped.</summary>
public sealed class EmbeddedPostgresException : Exception
{
    public EmbeddedPostgresException(string message) : base(message) { }
    public EmbeddedPostgresException(string message, Exception inner) : base(message, inner) { }
    public EmbeddedPostgresException() { }
}
