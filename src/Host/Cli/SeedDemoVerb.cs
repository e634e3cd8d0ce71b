using System.CommandLine;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Host.Cli;

/// <summary><c>seed-demo --customers N [--seed S] [--business KEY]</c>: deterministic demo data.</summary>
internal sealed class SeedDemoVerb : ICliVerb
{
    public Command Create()
    {
        var customers = new Option<int>("--customers") { Description = "Number of customers", DefaultValueFactory = _ => 5_000 };
        customers.Validators.Add(r =>
        {
            if (r.GetValue(customers) is < 1 or > 10_000_000)
            {
                r.AddError("--customers must be between 1 and 10,000,000.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed makes the same rows", DefaultValueFactory = _ => 42 };
        var business = new Option<string>("--business") { Description = "Business key (replaced if it exists)", DefaultValueFactory = _ => "demo" };
        var command = new Command("seed-demo", "Create (or replace) a deterministic demo business with customers and sales.") { customers, seed, business };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            (services, token) => SeedAsync(services, new DemoDataRequest(parse.GetValue(customers), parse.GetValue(seed), parse.GetValue(business)!), token),
            cancellationToken));
        return command;
    }

    private static async Task<int> SeedAsync(IServiceProvider services, DemoDataRequest request, CancellationToken cancellationToken)
    {
        var seeder = services.GetRequiredService<IDemoDataSeeder>();
        var result = await ConsoleProgress.RunAsync($"Demo data ({request.Customers:N0} customers)", progress =>
            seeder.SeedAsync(request, progress, cancellationToken));
        Console.WriteLine(
            $"Business '{result.BusinessKey}' (id {result.BusinessId}): {result.Storefronts} storefronts, {result.Customers:N0} customers, " +
            $"{result.Sales:N0} sales in {result.Duration.TotalSeconds:N1} s.");
        return 0;
    }
}
