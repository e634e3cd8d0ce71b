using Microsoft.EntityFrameworkCore;
using RfmGraph.Platform.Database;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;

namespace RfmGraph.Scoring.Data;

/// <summary>
/// Scoring's read-only EF model for the API. Runs and scores are written set-based by the run's SQL, never through
/// EF. Like Sales' context, every entity carries a query filter on the current business. Scoring reads Sales data
/// only through the directory view Sales publishes for it (docs/contracts.md).
/// </summary>
internal sealed class ScoringReadDbContext(DbContextOptions<ScoringReadDbContext> options, ITenantContext tenant) : DbContext(options)
{
    /// <summary>
    /// One run's scores with the segment name and the customer's directory fields. A plain join, so PostgreSQL
    /// flattens it into the page query: the run, segment and sort predicates reach scoring.customer_scores'
    /// partition and its indexes, and the joins run only for the page's rows.
    /// </summary>
    internal const string CustomerScoresSql = """
        SELECT s.run_id, s.business_id, s.customer_id, s.last_order_at, s.recency_days, s.frequency, s.monetary,
               s.r, s.f, s.m, s.segment_code, coalesce(rule.name, sch.fallback_name) AS segment_name, s.rule_position,
               d.external_id, d.name, d.email, d.created_at AS customer_created_at
        FROM scoring.customer_scores s
        JOIN scoring.runs run ON run.id = s.run_id
        JOIN scoring.segment_schemes sch ON sch.id = run.scheme_id
        LEFT JOIN scoring.segment_rules rule ON rule.scheme_id = run.scheme_id AND rule.position = s.rule_position
        JOIN sales.customer_directory d ON d.business_id = s.business_id AND d.customer_id = s.customer_id
        """;

    public DbSet<CustomerScore> CustomerScores => Set<CustomerScore>();

    public DbSet<RunRow> Runs => Set<RunRow>();

    public DbSet<CurrentRunRow> CurrentRuns => Set<CurrentRunRow>();

    public DbSet<RunProgressRow> RunProgress => Set<RunProgressRow>();

    /// <summary>Read by the query filters at query time (EF parameterises it per query).</summary>
    private long CurrentBusinessId => tenant.BusinessId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("scoring");
        modelBuilder.Entity<CustomerScore>(b =>
        {
            b.HasNoKey();
            b.ToSqlQuery(CustomerScoresSql);
            b.Property(x => x.Monetary).HasPrecision(20, 2);
            b.HasQueryFilter(x => x.BusinessId == CurrentBusinessId);
        });
        modelBuilder.Entity<RunRow>(b =>
        {
            b.ToTable("runs", t => t.ExcludeFromMigrations());
            b.HasKey(x => x.Id);
            b.Property(x => x.Status).HasConversion(v => StatusText(v), v => RunText.Status(v));
            b.Property(x => x.Method).HasConversion(v => RunText.Of(v), v => RunText.Method(v));
            b.Property(x => x.TotalMonetary).HasPrecision(20, 2);
            b.Property(x => x.CutPoints).HasColumnType("jsonb");
            b.Property(x => x.Summary).HasColumnType("jsonb");
            b.HasQueryFilter(x => x.BusinessId == CurrentBusinessId);
        });
        modelBuilder.Entity<RunProgressRow>(b =>
        {
            b.ToTable("run_progress", t => t.ExcludeFromMigrations());
            b.HasKey(x => x.RunId);
            b.Property(x => x.Stage).HasConversion(v => v == RfmRunStage.Publishing ? "publishing" : "computing", v => v == "publishing" ? RfmRunStage.Publishing : RfmRunStage.Computing);
            b.HasQueryFilter(x => x.BusinessId == CurrentBusinessId);
        });
        modelBuilder.Entity<CurrentRunRow>(b =>
        {
            b.ToTable("current_runs", t => t.ExcludeFromMigrations());
            b.HasNoKey();
            b.HasQueryFilter(x => x.BusinessId == CurrentBusinessId);
        });

        modelBuilder.UseSnakeCaseColumns();
    }

    private static string StatusText(RfmRunStatus status) => status switch
    {
        RfmRunStatus.Queued => "queued",
        RfmRunStatus.Running => "running",
        RfmRunStatus.Succeeded => "succeeded",
        RfmRunStatus.Failed => "failed",
        RfmRunStatus.DryRun => "dry_run",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
