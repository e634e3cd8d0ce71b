using System.CommandLine;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Host.Cli;

/// <summary><c>import sales FILE.csv [--business KEY]</c>: all-or-nothing bulk import (docs/import-format.md).</summary>
internal sealed class ImportVerb : ICliVerb
{
    private const int ErrorsShown = 50;

    public Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV file: sale_id, customer_id, ordered_at, amount [, storefront, status, customer_name, customer_email, currency]" };
        var business = new Option<string>("--business") { Description = "Business key (created if missing)", DefaultValueFactory = _ => "demo" };
        var sales = new Command("sales", "Import sales from a CSV file; nothing is written if any row is bad.") { file, business };
        sales.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            (services, token) => ImportAsync(services, parse.GetValue(file)!, parse.GetValue(business)!, token), cancellationToken));

        return new Command("import", "Import data.") { sales };
    }

    private static async Task<int> ImportAsync(IServiceProvider services, FileInfo file, string businessKey, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"No such file: {file.FullName}");
            return 1;
        }

        var importer = services.GetRequiredService<ISalesImporter>();
        var result = await ConsoleProgress.RunAsync($"Importing {file.Name}", progress =>
            importer.ImportCsvAsync(file.FullName, businessKey, progress, cancellationToken));

        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"{file.Name}: {result.Errors.Count} problem(s); nothing was imported.");
            foreach (var error in result.Errors.Take(ErrorsShown))
            {
                await Console.Error.WriteLineAsync($"  line {error.Line}, {error.Column}: {error.Reason}");
            }

            if (result.Errors.Count > ErrorsShown)
            {
                await Console.Error.WriteLineAsync($"  … and {result.Errors.Count - ErrorsShown} more.");
            }

            return 1;
        }

        var rate = result.Duration.TotalSeconds > 0 ? result.RowsRead / result.Duration.TotalSeconds : 0;
        Console.WriteLine(
            $"Imported {result.RowsRead:N0} rows into business '{businessKey}' in {result.Duration.TotalSeconds:N1} s ({rate:N0} rows/s): " +
            $"{result.SalesInserted:N0} sales inserted, {result.SalesUpdated:N0} updated, {result.CustomersCreated:N0} customers and {result.StorefrontsCreated:N0} storefronts created.");
        return 0;
    }
}
