namespace RfmGraph.Host.Tests.Api;

/// <summary>RfmRun.progress: the stage of a running run (scoring.run_progress), null for every other run.</summary>
[Collection(ApiCollection.Name)]
public sealed class RunProgressApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_running_run_shows_its_stage_and_finished_runs_show_none()
    {
        await api.Scenario.EnsureAsync();
        // A run caught in the middle of publishing, as the job leaves it between its two stage updates.
        var running = (long)(await api.QueryAsync("""
            INSERT INTO scoring.runs (business_id, storefront_id, as_of, window_from, window_to, method, bins, scheme_id, scheme_key, scheme_version, status, started_at)
            SELECT business_id, storefront_id, as_of, window_from, window_to, method, bins, scheme_id, scheme_key, scheme_version, 'running', '2026-12-01T10:00:00Z'
            FROM scoring.runs WHERE business_id = @business ORDER BY id LIMIT 1
            RETURNING id
            """, ("business", api.Acme.Id)))[0][0]!;
        try
        {
            await api.QueryAsync(
                "INSERT INTO scoring.run_progress (run_id, business_id, stage, stage_started_at) VALUES (@run, @business, 'publishing', '2026-12-01T10:00:05.25Z')",
                ("run", running), ("business", api.Acme.Id));

            // Picked out by its start time: a job of another test may be running for acme too.
            var ours = AcmeScenario.Nodes((await api.DataAsync(api.Acme, """
                { rfmRuns(first: 100, where: { startedAt: { eq: "2026-12-01T10:00:00Z" } }) { nodes { status progress { stage stageStartedAt } } } }
                """)).GetProperty("rfmRuns"));
            var finished = AcmeScenario.Nodes((await api.DataAsync(api.Acme, """
                { rfmRuns(first: 100, where: { status: { eq: SUCCEEDED } }) { nodes { progress { stage } } } }
                """)).GetProperty("rfmRuns"));

            var inProgress = Assert.Single(ours);
            Assert.Equal("RUNNING", inProgress.GetProperty("status").GetString());
            Assert.Equal("PUBLISHING", inProgress.GetProperty("progress").GetProperty("stage").GetString());
            Assert.Equal("2026-12-01T10:00:05.25Z", inProgress.GetProperty("progress").GetProperty("stageStartedAt").GetString());
            Assert.NotEmpty(finished);
            Assert.All(finished, r => Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("progress").ValueKind));
        }
        finally
        {
            await api.QueryAsync("DELETE FROM scoring.runs WHERE id = @run", ("run", running));
        }
    }
}
