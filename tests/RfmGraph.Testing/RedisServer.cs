using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace RfmGraph.Testing;

/// <summary>
/// A throw-away redis-server for one test class: no persistence, a free loopback port, a temporary directory.
/// It can be stopped and started again on the same port, which is how reconnection is tested. When redis-server is
/// missing or does not answer, the fixture throws: tests that need Redis fail, they never skip.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rfmgraph-redis-" + Guid.NewGuid().ToString("N")[..12]);
    private Process? _process;
    private volatile bool _portTaken;

    /// <summary>The loopback port the server listens on (the same across restarts).</summary>
    public int Port { get; private set; }

    /// <summary><c>127.0.0.1:port</c>, the form <c>ConnectionStrings:Redis</c> takes.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 5 && _portTaken)
            {
                // The port was free when probed, but another process bound it before redis-server did (the suites
                // start many servers at once): probe another.
            }
        }
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        var executable = FindRedisServer() ?? throw new InvalidOperationException(
            "redis-server is not installed (apt-get install redis-server); the Redis tests fail rather than skip" +
            (Environment.GetEnvironmentVariable("CI") == "true" ? " (CI=true)." : "."));
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "no", "--dir", _root, "--protected-mode", "no" })
        {
            start.ArgumentList.Add(argument);
        }
        _portTaken = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, line) => _portTaken |= line.Data?.Contains("Address already in use", StringComparison.Ordinal) == true;
        _process.ErrorDataReceived += (_, line) => _portTaken |= line.Data?.Contains("Address already in use", StringComparison.Ordinal) == true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Only a broken start waits this long; a loaded CI machine can take seconds to schedule a new process.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // Its output is read asynchronously: let the last lines arrive before judging why it exited.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} on port {Port}.");
            }
            if (await PingAsync())
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"redis-server did not answer PING on port {Port} within 60 s.");
    }

    /// <summary>Kills the server abruptly (connections break without a goodbye), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async Task DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A stale temp folder is harmless.
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string? FindRedisServer()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
