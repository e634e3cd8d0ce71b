using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RfmGraph.Bench.Data;

/// <summary>
/// The real Host (its built RfmGraph.Host.dll) in child processes: CLI verbs to seed, score and mint an API key,
/// then <c>serve</c> on a free loopback port. Every process gets the bench's database and production settings.
/// </summary>
internal sealed class HostProcess(string hostDll, string connectionString) : IAsyncDisposable
{
    private Process? _server;

    public Uri? BaseAddress { get; private set; }

    /// <summary>Runs a CLI verb to completion; returns its standard output, throws with its error output on failure.</summary>
    public async Task<string> RunVerbAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"RfmGraph.Host {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }

        return await output;
    }

    /// <summary>Starts <c>serve</c> and waits until /health answers.</summary>
    public async Task StartServerAsync()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _server = Start(["serve", "--urls", BaseAddress.ToString().TrimEnd('/')]);
        var log = new StringBuilder();
        _server.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        _server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException("The Host exited while starting:" + Environment.NewLine + log);
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The Host did not answer /health within 120 s:" + Environment.NewLine + log);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
    }

    private Process Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Rfm"] = connectionString;
        start.Environment["Demo__SeedOnEmptyDatabase"] = "false";
        start.Environment["Auth__Jwt__SigningKey"] = "bench-only-signing-key-0123456789abcdef";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet " + hostDll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
