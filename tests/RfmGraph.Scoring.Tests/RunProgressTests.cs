using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;
using RfmGraph.Scoring.Tests.Infrastructure;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests;

/// <summary>
/// A running run's stage is readable by everyone while its computing transaction is still open (RfmRun.progress
/// reads scoring.run_progress).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RunProgressTests(PostgresFixture postgres)
{
    private sealed class StageRecorder : IRunObserver
    {
        public ScoringHarness? Harness { get; set; }

        public List<string> Seen { get; } = [];

        public async ValueTask OnStageAsync(long runId, string stage, NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            // Another connection: what an API request sees at this moment, mid-transaction.
            var row = await Harness!.ScalarAsync<string>(
                $"SELECT r.status || '/' || p.stage FROM scoring.runs r JOIN scoring.run_progress p ON p.run_id = r.id WHERE r.id = {runId}");
            Seen.Add($"{stage}: {row}");
        }
    }

    [Fact]
    public async Task Each_stage_is_visible_outside_the_run_while_it_runs()
    {
        var recorder = new StageRecorder();
        await using var harness = await ScoringHarness.CreateAsync(postgres, services => services.AddSingleton<IRunObserver>(recorder));
        recorder.Harness = harness;
        await harness.InsertSalesAsync(HandMadeData.Sales());

        var run = await harness.RunAsync(new RfmRunRequest(HandMadeData.Business, AsOf: HandMadeData.AsOf, Days: 365, Scheme: "pos8"));

        Assert.Equal(RfmRunStatus.Succeeded, run.Status);
        Assert.Equal(["computed: running/computing", "published: running/publishing"], recorder.Seen);
    }
}
