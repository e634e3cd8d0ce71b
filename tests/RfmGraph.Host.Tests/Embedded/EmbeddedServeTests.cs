using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;
using RfmGraph.Host.Tests.Cli;
using RfmGraph.Host.Tests.Support;

namespace RfmGraph.Host.Tests.Embedded;

/// <summary>
/// The default way to run the service: no connection string, so the Host starts its own PostgreSQL from
/// the installed binaries in a data folder, loads the demo data into the empty database once, reuses the
/// folder on the next start and stops the server when it stops. In the console collection: the CLI tests
/// there change the process environment (the connection string variable) that this must not see.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class EmbeddedServeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rfmgraph-serve-").FullName;

    private string DataDirectory => Path.Combine(_root, "postgres");

    [Fact]
    public async Task Serve_without_a_connection_string_starts_reuses_and_stops_its_own_server()
    {
        DemoSnapshot first;
        int firstPid;
        await using (var host = StartHost())
        {
            await AssertHealthyAsync(host);
            firstPid = PostmasterPid();
            first = await ReadDemoAsync();
        }

        AssertStopped(firstPid);
        Assert.Equal(("demo", 25L), (first.Business, first.Customers));
        Assert.True(first.Sales > 0);

        DemoSnapshot second;
        int secondPid;
        await using (var host = StartHost())
        {
            await AssertHealthyAsync(host);
            secondPid = PostmasterPid();
            second = await ReadDemoAsync();
        }

        AssertStopped(secondPid);
        // Same cluster (no second initdb) and the same demo rows (no second load).
        Assert.Equal(first, second);
        Assert.NotEqual(firstPid, secondPid);
    }

    [Fact]
    public async Task Serve_without_server_binaries_fails_with_one_sentence()
    {
        var noBinaries = Directory.CreateDirectory(Path.Combine(_root, "no-binaries")).FullName;
        Environment.SetEnvironmentVariable("RFMGRAPH__DATABASE__EMBEDDEDBINDIRECTORY", noBinaries);
        Environment.SetEnvironmentVariable("RFMGRAPH__DATABASE__EMBEDDEDDATADIRECTORY", DataDirectory);
        try
        {
            var (exitCode, output, error) = await CommandLineTests.RunAsync(null, "serve", "--urls", "http://127.0.0.1:0");

            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, output);
            Assert.Equal(
                "No database: ConnectionStrings:Rfm (env RFMGRAPH__CONNECTIONSTRINGS__RFM) is not set and the embedded PostgreSQL could not start " +
                $"(PostgreSQL server binaries (initdb, pg_ctl) were not found in {noBinaries} (Database:EmbeddedBinDirectory); " +
                "point it at PostgreSQL 15+'s bin folder, or leave it empty to search PATH and /usr/lib/postgresql); " +
                "install PostgreSQL 15+ server binaries (apt-get install postgresql) or set the connection string.",
                error.Trim());
            Assert.False(File.Exists(Path.Combine(DataDirectory, "PG_VERSION")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("RFMGRAPH__DATABASE__EMBEDDEDBINDIRECTORY", null);
            Environment.SetEnvironmentVariable("RFMGRAPH__DATABASE__EMBEDDEDDATADIRECTORY", null);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A server that failed to stop keeps files open; the assertion above has already said so.
        }
    }

    private RfmHostFactory StartHost()
    {
        var host = new RfmHostFactory(string.Empty, new Dictionary<string, string?>
        {
            ["Database:EmbeddedDataDirectory"] = DataDirectory,
            ["Demo:SeedOnEmptyDatabase"] = "true",
            ["Demo:Customers"] = "25",
            ["Demo:Seed"] = "5",
            ["Demo:BusinessKey"] = "demo",
        });
        _ = host.Server;
        return host;
    }

    private static async Task AssertHealthyAsync(RfmHostFactory host)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("healthy", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
    }

    /// <summary>The postmaster's process id, from the first line of postmaster.pid.</summary>
    private int PostmasterPid()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        Assert.True(File.Exists(pidFile), "the Host started no PostgreSQL in the data folder");
        return int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
    }

    private void AssertStopped(int pid)
    {
        Assert.False(File.Exists(Path.Combine(DataDirectory, "postmaster.pid")), "postmaster.pid is still there after the Host stopped");
        // pg_ctl stop returns once postmaster.pid is removed, which the postmaster does just before it exits.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (IsRunning(pid) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Assert.False(IsRunning(pid), $"the postmaster (pid {pid}) still runs after the Host stopped");
    }

    /// <summary>Alive and not a zombie waiting to be reaped (/proc/PID/stat's state field is not Z).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not 'Z' and not 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private sealed record DemoSnapshot(long SystemIdentifier, string Business, long BusinessId, long Customers, long Sales, long FirstCustomerId);

    /// <summary>Reads the demo data straight from the Host's embedded server, on the port it wrote into the data folder.</summary>
    private async Task<DemoSnapshot> ReadDemoAsync()
    {
        var port = int.Parse(await File.ReadAllTextAsync(Path.Combine(DataDirectory, "rfmgraph.port")), CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=rfmgraph;Database=rfmgraph");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT system_identifier FROM pg_control_system()), b.key, b.id,
                   (SELECT count(*) FROM sales.customers c WHERE c.business_id = b.id),
                   (SELECT count(*) FROM sales.sales s WHERE s.business_id = b.id),
                   (SELECT min(id) FROM sales.customers c WHERE c.business_id = b.id)
            FROM sales.businesses b
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var snapshot = new DemoSnapshot(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
        Assert.False(await reader.ReadAsync(), "exactly one business: the demo");
        return snapshot;
    }
}
