using Npgsql;
using RfmGraph.Platform.Database;

namespace RfmGraph.Host.Web;

/// <summary><c>GET /health</c>: 200 when the database answers and every migration is applied, else 503. No credentials needed.</summary>
internal static class HealthEndpoint
{
    public const string Path = "/health";

    public static IEndpointRouteBuilder MapRfmHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, CheckAsync).AllowAnonymous().WithName("health");
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(
        DatabaseEndpoint database, IEnumerable<ModuleMigrations> modules, IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var reachable = false;
        var migrated = false;
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            migrated = await MigrationRunner.IsUpToDateAsync(connection, modules, timeout.Token);
            // Only now: opening a pooled connection makes no round trip, so it succeeds after the server is gone.
            reachable = true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or OperationCanceledException)
        {
            // InvalidOperationException: the endpoint has not started yet (start-up still running).
            error = ex.Message;
            loggers.CreateLogger(typeof(HealthEndpoint)).LogWarning("Health check: database not available: {Reason}", ex.Message);
        }

        var healthy = reachable && migrated;
        var body = new HealthReport(
            healthy ? "healthy" : "unhealthy",
            new DatabaseHealth(reachable, migrated, database.IsEmbedded, error));
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    internal sealed record HealthReport(string Status, DatabaseHealth Database);

    internal sealed record DatabaseHealth(bool Reachable, bool MigrationsApplied, bool Embedded, string? Error);
}
