using RfmGraph.Host.Composition;

namespace RfmGraph.Host.Cli;

/// <summary>
/// The services a verb works with: database (embedded or configured, migrated) and the modules,
/// without the web server or the job scheduler. Ctrl+C cancels the verb.
/// </summary>
internal static class CliHost
{
    /// <summary>Where the generic host logs "Hosting failed to start".</summary>
    public const string HostLogCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> verb, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddRfmEnvironmentVariables();
        // Progress bars and results own stdout (a created API key can be piped); only problems are
        // logged, to stderr. These rules replace the appsettings ones, which are for the service.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<LoggerFilterOptions>(filters =>
        {
            filters.Rules.Clear();
            filters.MinLevel = LogLevel.Warning;
            // A failed start is reported by CliErrors as one sentence, not as a logged stack trace.
            filters.Rules.Add(new LoggerFilterRule(null, HostLogCategory, LogLevel.None, null));
        });
        builder.Services.AddRfmCore(builder.Configuration);

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancel.Token);
            await using var scope = host.Services.CreateAsyncScope();
            return await verb(scope.ServiceProvider, cancel.Token);
        }
        catch (Exception ex) when (CliErrors.TryDescribe(ex, out var message))
        {
            await Console.Error.WriteLineAsync(message);
            return CliErrors.ExitCode;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            await host.StopAsync(CancellationToken.None);
        }
    }
}
