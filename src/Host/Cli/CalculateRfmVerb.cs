using System.CommandLine;
using System.Globalization;
using RfmGraph.Sales.Contracts;
using RfmGraph.Scoring.Contracts;
using Spectre.Console;

namespace RfmGraph.Host.Cli;

/// <summary>
/// <c>calculate-rfm --business KEY [--dry-run] [--verbose] [--storefront S] [--days D] [--method M] [--scheme K]</c>:
/// runs one recalculation in this process (not through the job queue), with a progress bar and a summary table.
/// </summary>
internal sealed class CalculateRfmVerb : ICliVerb
{
    // The stages RfmRunProgress reports, in order; the progress bar shows how many have been reached.
    private static readonly string[] Stages = ["computing", "publishing", "done"];

    public Command Create()
    {
        var business = new Option<string>("--business") { Description = "Business key", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Compute and report without publishing" };
        var verbose = new Option<bool>("--verbose") { Description = "Also print the cut points and the value range of every score" };
        var storefront = new Option<long?>("--storefront") { Description = "Storefront id (default: all storefronts)" };
        var days = new Option<int?>("--days") { Description = "Window length in days (default 90)" };
        var method = new Option<string>("--method") { Description = "NTILE | QUANTILE_TIES | FIXED_THRESHOLDS", DefaultValueFactory = _ => "QUANTILE_TIES" };
        var scheme = new Option<string>("--scheme") { Description = "Segment scheme key", DefaultValueFactory = _ => "pos8" };
        var command = new Command("calculate-rfm", "Recalculate RFM scores and segments for a business now.")
        {
            business, dryRun, verbose, storefront, days, method, scheme,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            (services, token) => CalculateAsync(services, parse.GetValue(business)!, parse.GetValue(method)!, token, parse.GetValue(verbose),
                request => request with
                {
                    StorefrontId = parse.GetValue(storefront),
                    Days = parse.GetValue(days),
                    Scheme = parse.GetValue(scheme)!,
                    DryRun = parse.GetValue(dryRun),
                }),
            cancellationToken));
        return command;
    }

    private static async Task<int> CalculateAsync(
        IServiceProvider services, string businessKey, string methodName, CancellationToken cancellationToken, bool verbose,
        Func<RfmRunRequest, RfmRunRequest> configure)
    {
        var found = await services.GetRequiredService<IBusinessDirectory>().FindByKeyAsync(businessKey, cancellationToken);
        if (found is null)
        {
            await Console.Error.WriteLineAsync($"No business '{businessKey}' exists.");
            return 2;
        }

        ScoringMethod? method = methodName.ToUpperInvariant() switch
        {
            "NTILE" => ScoringMethod.Ntile,
            "QUANTILE_TIES" => ScoringMethod.QuantileTies,
            "FIXED_THRESHOLDS" => ScoringMethod.FixedThresholds,
            _ => null,
        };
        if (method is null)
        {
            await Console.Error.WriteLineAsync($"--method '{methodName}' is not one of NTILE, QUANTILE_TIES, FIXED_THRESHOLDS.");
            return 2;
        }

        var runs = services.GetRequiredService<IRfmRuns>();
        var queued = await runs.RequestAsync(configure(new RfmRunRequest(found.Id, Method: method.Value, RequestedBy: "cli")), cancellationToken);
        if (!queued.Succeeded)
        {
            foreach (var error in queued.Errors)
            {
                await Console.Error.WriteLineAsync($"{string.Join('.', error.Field)}: {error.Message}");
            }

            return 2;
        }

        var runId = queued.Run!.Id;
        var run = await ConsoleProgress.RunAsync($"RFM run {runId}", progress => runs.ExecuteAsync(
            runId,
            new Progress<RfmRunProgress>(p => progress.Report(new SalesImportProgress(p.Stage, Array.IndexOf(Stages, p.Stage) + 1, Stages.Length))),
            cancellationToken));
        PrintSummary(run, verbose);
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

        AnsiConsole.Write(table);
        Console.WriteLine(string.Create(culture,
            $"Run {run.Id} {run.Status}: {run.CustomersScored:N0} customers, {run.TotalMonetary:N2} revenue, " +
            $"compute {run.ComputeDuration?.TotalSeconds:N1} s, publish {run.PublishDuration?.TotalSeconds:N1} s " +
            $"({run.Method}, {run.SchemeKey} v{run.SchemeVersion}, {run.Bins} bins).{(run.Error is null ? string.Empty : " Error: " + run.Error)}"));
        if (!verbose)
        {
            return;
        }

        if (run.CutPoints is { } cuts)
        {
            Console.WriteLine($"Cut points: R [{string.Join(", ", cuts.Recency)}] F [{string.Join(", ", cuts.Frequency)}] M [{string.Join(", ", cuts.Monetary)}]");
        }

        foreach (var range in run.ScoreRanges)
        {
            Console.WriteLine(string.Create(culture, $"  {range.Dimension.ToUpperInvariant()}={range.Score}: {range.Customers:N0} customers, {range.Min}..{range.Max}"));
        }
    }
}
