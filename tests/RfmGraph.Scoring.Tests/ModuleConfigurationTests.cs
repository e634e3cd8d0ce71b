using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RfmGraph.Scoring.Tests;

public sealed class ModuleConfigurationTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Bad_settings_stop_startup_with_one_message_each()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddScoringModule(
            Settings(("Scoring:KeepRunsPerScope", "0"), ("Scoring:WorkMem", "lots"), ("Scoring:CommandTimeoutSeconds", "-1"))));
        Assert.Contains("Scoring:KeepRunsPerScope must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Scoring:WorkMem 'lots' must be a PostgreSQL memory size", error.Message, StringComparison.Ordinal);
        Assert.Contains("Scoring:CommandTimeoutSeconds must be 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_valid_and_migrations_run_after_sales()
    {
        var services = new ServiceCollection().AddScoringModule(Settings());
        Assert.Contains(services, d => d.ServiceType == typeof(Contracts.IRfmRuns));
        Assert.Equal(("scoring", 20), (ScoringModule.Migrations.Module, ScoringModule.Migrations.Order));
        Assert.Equal(["schemes_runs_scores", "builtin_schemes", "customer_scores_read_index", "run_progress"], ScoringModule.Migrations.Scripts().Select(s => s.Name));
    }
}
