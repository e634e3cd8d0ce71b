using RfmGraph.Sales.Contracts;
using Spectre.Console;

namespace RfmGraph.Host.Cli;

/// <summary>Progress of long work: a live bar on a terminal, a line per stage and per 10 % otherwise (logs, CI).</summary>
internal static class ConsoleProgress
{
    public static async Task<T> RunAsync<T>(string title, Func<IProgress<SalesImportProgress>, Task<T>> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await work(new LineProgress(title));
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SynchronousProgress(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        task = context.AddTask(Markup.Escape($"{title}: {p.Stage}"), maxValue: Math.Max(1, p.Total));
                        tasks[p.Stage] = task;
                    }

                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = Math.Min(p.Done, task.MaxValue);
                });
                var result = await work(progress);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }

                return result;
            });
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder updates).</summary>
    private sealed class SynchronousProgress(Action<SalesImportProgress> report) : IProgress<SalesImportProgress>
    {
        private readonly Lock _gate = new();

        public void Report(SalesImportProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }

    private sealed class LineProgress(string title) : IProgress<SalesImportProgress>
    {
        private readonly Lock _gate = new();
        private string? _stage;
        private long _lastTenth = -1;

        public void Report(SalesImportProgress value)
        {
            lock (_gate)
            {
                var tenth = value.Total <= 0 ? 0 : value.Done * 10 / value.Total;
                if (value.Stage == _stage && tenth == _lastTenth)
                {
                    return;
                }

                _stage = value.Stage;
                _lastTenth = tenth;
                Console.WriteLine($"{title}: {value.Stage} {tenth * 10}%");
            }
        }
    }
}
