using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Platform.Jobs;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Acceptance;

/// <summary>
/// Issue 2, item 7, "graceful shutdown": a Host asked to stop while a job runs lets the job finish (and records it
/// in the execution history) before it has stopped; the job's trigger data is stored as JSON. The job is released only after the stop has begun, so a Host
/// that did not wait would finish stopping with the job unfinished.
/// </summary>
public sealed class AcceptanceGracefulShutdownTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    /// <summary>Bounds waits that only a failure reaches.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Stopping_the_host_waits_for_a_running_job_to_finish()
    {
        var database = await postgres.CreateDatabaseAsync("accept_shutdown");
        var factory = new RfmHostFactory(
            database,
            new Dictionary<string, string?> { ["Jobs:Enabled"] = "true" },
            configure: builder => builder.ConfigureTestServices(services => services.AddRfmJob<HeldJob>()));
        _ = factory.Server;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(1, "acme");
            await scope.ServiceProvider.GetRequiredService<IJobScheduler>().TriggerNowAsync<HeldJob>(new JobKey("held", "acceptance"));
        }

        await HeldJob.Started.Task.WaitAsync(Patience);
        await using (var connection = new NpgsqlConnection(database))
        {
            // The job store holds the running trigger's data as JSON (the System.Text.Json serializer), tenant included.
            await connection.OpenAsync();
            await using var data = new NpgsqlCommand("SELECT job_data FROM quartz.qrtz_triggers WHERE job_name = 'held'", connection);
            using var json = JsonDocument.Parse((byte[])(await data.ExecuteScalarAsync())!);
            Assert.Contains("acme", json.RootElement.GetRawText(), StringComparison.Ordinal);
        }

        var stopping = Task.Run(async () => await factory.DisposeAsync());
        await HeldJob.StopRequested.Task.WaitAsync(Patience);
        Assert.False(stopping.IsCompleted, "the Host finished stopping while its job was still held");
        HeldJob.Release.SetResult();
        await stopping.WaitAsync(Patience);

        Assert.True(HeldJob.Finished, "the Host stopped without letting the running job finish");
        await using var historyConnection = new NpgsqlConnection(database);
        await historyConnection.OpenAsync();
        await using var history = new NpgsqlCommand(
            "SELECT count(*) FROM quartz.qrtz_execution_history WHERE job_name = 'held' AND succeeded", historyConnection);
        Assert.Equal(1L, await history.ExecuteScalarAsync());
    }
}

/// <summary>A job that runs until the test releases it; it notes when the Host begins to stop.</summary>
internal sealed class HeldJob(IHostApplicationLifetime lifetime) : IJob
{
    public static readonly TaskCompletionSource Started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static readonly TaskCompletionSource StopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static bool Finished { get; private set; }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        using var onStop = lifetime.ApplicationStopping.Register(() => StopRequested.TrySetResult());
        Started.TrySetResult();
        await Release.Task;
        Finished = true;
    }
}
