using System.CommandLine;
using System.Globalization;
using RfmGraph.Sales.Contracts;
using RfmGraph.Scoring.Contracts;
using Spectre.Console;

namespace RfmGraph.Host.Cli;

/// <summary>
/// <c>calculate-rfm --business KEY [--dry-run] [--verbose] [--storefront S] [--days D] [--method M] [--scheme K]
/// [--recency-cuts …] [--frequency-cuts …] [--monetary-cuts …]</c>: runs one recalculation in this process
/// (not through the job queue), with a progress bar and a summary table.
/// </summary>
/// <remarks>
/// Option values are taken as text and checked here rather than by System.CommandLine's typed
/// parsing: a typo must give one line that says what is wrong (and exit 2) before any database is
/// started, not a .NET type name followed by the whole help text.
/// </remarks>
internal sealed class CalculateRfmVerb : ICliVerb
{
    /// <summary>Exit code for options or a request the user has to fix.</summary>
    private const int UsageError = 2;

    // The stages RfmRunProgress reports, in order; the progress bar shows how many have been reached.
    private static readonly string[] Stages = ["computing", "publishing", "done"];

    public Command Create()
    {
        var business = new Option<string>("--business") { Description = "Business key (required)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Compute and report without publishing" };
        var verbose = new Option<bool>("--verbose") { Description = "Also print the cut points and the value range of every score" };
        var storefront = new Option<string>("--storefront") { Description = "Storefront id (default: all storefronts)" };
        var days = new Option<string>("--days") { Description = "Window length in days, 1..36600 (default 90)" };
        var method = new Option<string>("--method") { Description = "NTILE | QUANTILE_TIES | FIXED_THRESHOLDS (default QUANTILE_TIES)" };
        var scheme = new Option<string>("--scheme") { Description = "Segment scheme key (default pos8; built in: pos8, classic11, rfgrid10)" };
        var recencyCuts = new Option<string>("--recency-cuts") { Description = "FIXED_THRESHOLDS: 4 ascending day counts, e.g. 7,30,90,180" };
        var frequencyCuts = new Option<string>("--frequency-cuts") { Description = "FIXED_THRESHOLDS: 4 ascending order counts, e.g. 1,2,3,4" };
        var monetaryCuts = new Option<string>("--monetary-cuts") { Description = "FIXED_THRESHOLDS: 4 ascending amounts, e.g. 50,100,250,500" };
        var command = new Command("calculate-rfm", "Recalculate RFM scores and segments for a business now.")
        {
            business, dryRun, verbose, storefront, days, method, scheme, recencyCuts, frequencyCuts, monetaryCuts,
        };
        // Unknown tokens are reported by the action (one line each), not by the parser with the help text.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var parsed = CalculateRfmOptions.Parse(
                parse.UnmatchedTokens,
                parse.GetValue(business),
                parse.GetValue(storefront),
                parse.GetValue(days),
                parse.GetValue(method),
                parse.GetValue(scheme),
                [parse.GetValue(recencyCuts), parse.GetValue(frequencyCuts), parse.GetValue(monetaryCuts)]);
            if (parsed.Error is { } error)
            {
                await Console.Error.WriteLineAsync(error);
                return UsageError;
            }

            var options = parsed.Options! with { DryRun = parse.GetValue(dryRun), Verbose = parse.GetValue(verbose) };
            return await CliHost.RunAsync((services, token) => CalculateAsync(services, options, token), cancellationToken);
        });
        return command;
    }

    private static async Task<int> CalculateAsync(IServiceProvider services, CalculateRfmOptions options, CancellationToken cancellationToken)
    {
        var found = await services.GetRequiredService<IBusinessDirectory>().FindByKeyAsync(options.BusinessKey, cancellationToken);
        if (found is null)
        {
            await Console.Error.WriteLineAsync($"No business '{options.BusinessKey}': import its sales or run seed-demo --business {options.BusinessKey} first.");
            return UsageError;
        }

        var runs = services.GetRequiredService<IRfmRuns>();
        var queued = await runs.RequestAsync(options.ToRequest(found.Id), cancellationToken);
        if (!queued.Succeeded)
        {
            foreach (var error in queued.Errors)
            {
                await Console.Error.WriteLineAsync($"{CalculateRfmOptions.OptionFor(error.Field)}: {error.Message}");
            }

            return UsageError;
        }

        var runId = queued.Run!.Id;
        RfmRunInfo run;
        try
        {
            run = await ConsoleProgress.RunAsync($"RFM run {runId}", progress => runs.ExecuteAsync(
                runId,
                new Progress<RfmRunProgress>(p => progress.Report(new SalesImportProgress(p.Stage, Array.IndexOf(Stages, p.Stage) + 1, Stages.Length))),
                cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The executor has already marked the run failed (nothing of it is visible); say why in one line.
            await Console.Error.WriteLineAsync($"RFM run {runId} failed; nothing was published: {ex.Message}");
            return 1;
        }

        PrintSummary(run, options.Verbose);
        return run.Status is RfmRunStatus.Succeeded or RfmRunStatus.DryRun ? 0 : 1;
    }

    private static void PrintSummary(RfmRunInfo run, bool verbose)
    {
        var culture = CultureInfo.InvariantCulture;
        var table = new Table().AddColumns("Segment", "Code", "Customers", "Revenue", "Avg days", "Avg orders", "Avg spend");
        foreach (var s in run.Segments)
        {
            table.AddRow(
                Markup.Escape(s.Name), Markup.Escape(s.Code), s.Customers.ToString("N0", culture), s.Monetary.ToString("N2", culture),
                s.AvgRecencyDays.ToString("N1", culture), s.AvgFrequency.ToString("N2", culture), s.AvgMonetary.ToString("N2", culture));
        }

        // A console over the current Console.Out (AnsiConsole's shared one keeps the writer it saw first).
        // Redirected output (a log, a pipe) has no width; 80 columns would wrap segment names and codes.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }

        console.Write(table);
        var publish = run.DryRun ? "nothing published" : "publish " + Duration(run.PublishDuration);
        var error = run.Error is null ? string.Empty : " Error: " + run.Error;
        Console.WriteLine(string.Create(culture,
            $"Run {run.Id} {Text(run.Status)}: {run.CustomersScored ?? 0:N0} customers, {run.TotalMonetary ?? 0:N2} revenue, " +
            $"compute {Duration(run.ComputeDuration)}, {publish} " +
            $"({Text(run.Method)}, {run.SchemeKey} v{run.SchemeVersion}, {run.Bins} bins, window {run.WindowFrom.UtcDateTime:yyyy-MM-dd HH:mm}..{run.WindowTo.UtcDateTime:yyyy-MM-dd HH:mm} UTC).{error}"));
        if (!verbose)
        {
            return;
        }

        if (run.CutPoints is { } cuts)
        {
            Console.WriteLine(string.Create(culture,
                $"Cut points: R [{string.Join(", ", cuts.Recency)}] F [{string.Join(", ", cuts.Frequency)}] M [{string.Join(", ", cuts.Monetary)}]"));
        }

        foreach (var range in run.ScoreRanges)
        {
            Console.WriteLine(string.Create(culture, $"  {range.Dimension.ToUpperInvariant()}={range.Score}: {range.Customers:N0} customers, {range.Min}..{range.Max}"));
        }
    }

    /// <summary>
    /// Milliseconds below a second: a run over a few thousand customers takes tens of milliseconds,
    /// which one decimal of a second showed as "0.0 s".
    /// </summary>
    internal static string Duration(TimeSpan? duration) => duration switch
    {
        null => "n/a",
        { TotalSeconds: < 1 } d => string.Create(CultureInfo.InvariantCulture, $"{d.TotalMilliseconds:F0} ms"),
        { } d => string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:F1} s"),
    };

    private static string Text(RfmRunStatus status) => status switch
    {
        RfmRunStatus.DryRun => "dry run",
        _ => status.ToString().ToLowerInvariant(),
    };

    internal static string Text(ScoringMethod method) => method switch
    {
        ScoringMethod.Ntile => "NTILE",
        ScoringMethod.QuantileTies => "QUANTILE_TIES",
        ScoringMethod.FixedThresholds => "FIXED_THRESHOLDS",
        _ => method.ToString(),
    };
}

/// <summary>The options of <c>calculate-rfm</c>, checked before any database is touched.</summary>
internal sealed record CalculateRfmOptions(
    string BusinessKey,
    long? StorefrontId,
    int? Days,
    ScoringMethod Method,
    string Scheme,
    RfmThresholds? Thresholds,
    bool DryRun = false,
    bool Verbose = false)
{
    private static readonly string[] CutOptions = ["--recency-cuts", "--frequency-cuts", "--monetary-cuts"];

    public RfmRunRequest ToRequest(long businessId) => new(
        businessId, StorefrontId: StorefrontId, Days: Days, Method: Method, Scheme: Scheme, Thresholds: Thresholds, DryRun: DryRun, RequestedBy: "cli");

    /// <summary>The command-line option a request error's field path came from (so the message names what to change).</summary>
    public static string OptionFor(IReadOnlyList<string> field) => field switch
    {
        ["days", ..] or ["from", ..] or ["to", ..] => "--days",
        ["scheme", ..] => "--scheme",
        ["bins", ..] => "--scheme",
        ["thresholds", "recency", ..] => "--recency-cuts",
        ["thresholds", "frequency", ..] => "--frequency-cuts",
        ["thresholds", "monetary", ..] => "--monetary-cuts",
        ["thresholds", ..] => "--recency-cuts/--frequency-cuts/--monetary-cuts",
        _ => string.Join('.', field),
    };

    public static (CalculateRfmOptions? Options, string? Error) Parse(
        IReadOnlyList<string> unmatched, string? business, string? storefront, string? days, string? method, string? scheme, string?[] cuts)
    {
        if (unmatched.Count > 0)
        {
            return (null, $"Unknown option or argument '{unmatched[0]}' (see calculate-rfm --help).");
        }

        if (string.IsNullOrWhiteSpace(business))
        {
            return (null, "--business is required: the key of the business to score.");
        }

        long? storefrontId = null;
        if (storefront is not null)
        {
            if (!long.TryParse(storefront, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            {
                return (null, $"--storefront '{storefront}' is not a storefront id (a positive whole number).");
            }

            storefrontId = id;
        }

        int? window = null;
        if (days is not null)
        {
            if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            {
                return (null, $"--days '{days}' is not a whole number of days (1..36600).");
            }

            window = d;
        }

        ScoringMethod? scoring = (method ?? "QUANTILE_TIES").Trim().ToUpperInvariant() switch
        {
            "NTILE" => ScoringMethod.Ntile,
            "QUANTILE_TIES" => ScoringMethod.QuantileTies,
            "FIXED_THRESHOLDS" => ScoringMethod.FixedThresholds,
            _ => null,
        };
        if (scoring is null)
        {
            return (null, $"--method '{method}' is not one of NTILE, QUANTILE_TIES, FIXED_THRESHOLDS.");
        }

        var values = new List<decimal[]>();
        for (var i = 0; i < cuts.Length; i++)
        {
            if (cuts[i] is not { } text)
            {
                continue;
            }

            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            var parsed = new decimal[parts.Length];
            for (var p = 0; p < parts.Length; p++)
            {
                if (!decimal.TryParse(parts[p], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    return (null, $"{CutOptions[i]} '{text}' must be comma-separated numbers, e.g. 7,30,90,180.");
                }

                parsed[p] = value;
            }

            values.Add(parsed);
        }

        RfmThresholds? thresholds = null;
        if (values.Count > 0)
        {
            if (scoring != ScoringMethod.FixedThresholds)
            {
                return (null, "--recency-cuts, --frequency-cuts and --monetary-cuts are only used with --method FIXED_THRESHOLDS.");
            }

            if (values.Count != 3)
            {
                return (null, "--method FIXED_THRESHOLDS needs all three of --recency-cuts, --frequency-cuts and --monetary-cuts.");
            }

            thresholds = new RfmThresholds(values[0], values[1], values[2]);
        }

        return (new CalculateRfmOptions(business.Trim(), storefrontId, window, scoring.Value, string.IsNullOrWhiteSpace(scheme) ? "pos8" : scheme.Trim(), thresholds), null);
    }
}
