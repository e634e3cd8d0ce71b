using System.Globalization;
using System.Text;
using Npgsql;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Cli;

/// <summary>
/// <c>calculate-rfm</c> end to end: the real entry point, in process, against a test PostgreSQL.
/// The data set is ten customers imported with <c>import sales</c>; every expected count and amount
/// below is worked out by hand in <see cref="Customers"/>'s comments, not by the code under test.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CalculateRfmVerbTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Business = "rfmcli";

    // (customer, storefront, days since last order, orders, amount per order). Orders fall on days
    // d, d+1, …, d+orders-1 before now, one hour past the whole day, so recency is exactly d.
    // Monetary = orders × amount, except C05 (refund of 20 → 520). C02 also has a voided sale.
    //
    // All ten, 90-day window, five bins (two customers per score, all values distinct, so NTILE
    // and QUANTILE_TIES agree):
    //   days   1 2 | 5 6 | 10 12 | 20 25 | 40 60        → R 5 5 4 4 3 3 2 2 1 1
    //   orders C01 10, C07 9 | C03 8, C10 7 | C05 6, C08 5 | C04 4, C06 3 | C09 2, C02 1
    //   money  C07 1080, C01 1000 | C10 700, C03 640 | C05 520, C04 500 | C08 350, C06 300 | C09 80, C02 50
    // Cut points (QUANTILE_TIES): R [5, 10, 20, 40], F [2, 4, 6, 8], M [80, 350, 520, 700].
    // Scores and pos8 segments (first matching rule):
    //   C01 R5F5M5 Champions        C02 R5F1M1 New Customers   C03 R4F4M4 Champions
    //   C04 R4F2M3 Potential Loy.   C05 R3F3M3 Loyal Customers C06 R3F2M2 Promising
    //   C07 R2F5M5 At Risk          C08 R2F3M2 Need Attention  C09 R1F1M1 Hibernating
    //   C10 R1F4M4 At Risk
    private static readonly (string Id, string Storefront, int Days, int Orders, decimal Amount)[] Customers =
    [
        ("C01", "north", 1, 10, 100m),
        ("C02", "north", 2, 1, 50m),
        ("C03", "north", 5, 8, 80m),
        ("C04", "north", 6, 4, 125m),
        ("C05", "north", 10, 6, 90m),
        ("C06", "south", 12, 3, 100m),
        ("C07", "south", 20, 9, 120m),
        ("C08", "south", 25, 5, 70m),
        ("C09", "south", 40, 2, 40m),
        ("C10", "south", 60, 7, 100m),
    ];

    [Fact]
    public async Task Default_run_prints_the_pos8_segments_publishes_them_and_times_both_stages()
    {
        var database = await SeedAsync("cli_rfm");

        var (exitCode, output, error) = await CommandLineTests.RunAsync(database, "calculate-rfm", "--business", Business, "--verbose");

        Assert.True(exitCode == 0, error);
        Assert.Equal(
            [
                ("R2F2M3", 2, 1780.00m),   // At Risk: C07 1080 + C10 700
                ("R5F5M5", 2, 1640.00m),   // Champions: C01 1000 + C03 640
                ("R4F4M4", 1, 520.00m),    // Loyal Customers: C05 540 - 20 refunded
                ("R4F2M3", 1, 500.00m),    // Potential Loyalists: C04
                ("R2F3M3", 1, 350.00m),    // Need Attention: C08
                ("R3F2M2", 1, 300.00m),    // Promising: C06
                ("R1F1M2", 1, 80.00m),     // Hibernating: C09
                ("R5F1M1", 1, 50.00m),     // New Customers: C02 (the voided sale does not count)
            ],
            SegmentRows(output));
        var summary = SummaryLine(output);
        Assert.Matches(@"^Run \d+ succeeded: 10 customers, 5,220\.00 revenue, compute \d+ ms, publish \d+ ms \(QUANTILE_TIES, pos8 v1, 5 bins, window ", summary);
        Assert.Contains("Cut points: R [5, 10, 20, 40] F [2, 4, 6, 8] M [80.00, 350.00, 520.00, 700.00]", output, StringComparison.Ordinal);
        Assert.Contains("  R=1: 2 customers, 40..60", output, StringComparison.Ordinal);

        var run = await LatestRunAsync(database);
        Assert.Equal(("succeeded", "QUANTILE_TIES", "pos8", 10L), (run.Status, run.Method, run.Scheme, run.Customers));
        Assert.True(run.ComputeMs > 0, "compute_ms is measured");
        Assert.NotNull(run.PublishMs);
        Assert.Equal(run.Id, await ScalarAsync<long?>(database, "SELECT run_id FROM scoring.current_runs"));
        Assert.Equal(10L, await ScalarAsync<long>(database, $"SELECT count(*) FROM scoring.customer_scores WHERE run_id = {run.Id}"));
    }

    [Fact]
    public async Task Ntile_with_classic11_is_honoured_and_has_no_cut_points()
    {
        var database = await SeedAsync("cli_rfm_ntile");

        var (exitCode, output, error) = await CommandLineTests.RunAsync(
            database, "calculate-rfm", "--business", Business, "--method", "ntile", "--scheme", "classic11", "--verbose");

        Assert.True(exitCode == 0, error);
        // Same scores as above (no ties); classic11's CASE order gives:
        Assert.Equal(
            [
                ("AT_RISK", 2, 1780.00m),              // C07 R2F5M5, C10 R1F4M4
                ("CHAMPIONS", 1, 1000.00m),            // C01 R5F5M5
                ("LOYAL_CUSTOMERS", 1, 640.00m),       // C03 R4F4M4
                ("POTENTIAL_LOYALISTS", 2, 550.00m),   // C02 R5F1M1 (New Customers is shadowed), C04 R4F2M3
                ("NEED_ATTENTION", 1, 520.00m),        // C05 R3F3M3
                ("OTHERS", 1, 350.00m),                // C08 R2F3M2 matches no rule
                ("ABOUT_TO_SLEEP", 1, 300.00m),        // C06 R3F2M2
                ("HIBERNATING", 1, 80.00m),            // C09 R1F1M1 (before Lost)
            ],
            SegmentRows(output));
        Assert.Contains("(NTILE, classic11 v1, 5 bins, ", SummaryLine(output), StringComparison.Ordinal);
        Assert.DoesNotContain("Cut points:", output, StringComparison.Ordinal);
        var run = await LatestRunAsync(database);
        Assert.Equal(("succeeded", "NTILE", "classic11"), (run.Status, run.Method, run.Scheme));
    }

    [Fact]
    public async Task Storefront_scores_only_that_storefronts_customers()
    {
        var database = await SeedAsync("cli_rfm_store");
        var south = await ScalarAsync<long>(database, "SELECT storefront_id FROM sales.storefront_directory WHERE code = 'south'");

        var (exitCode, output, error) = await CommandLineTests.RunAsync(
            database, "calculate-rfm", "--business", Business, "--storefront", south.ToString(CultureInfo.InvariantCulture));

        Assert.True(exitCode == 0, error);
        // C06..C10 alone, one customer per score: days 12/20/25/40/60 → R 5..1, orders C09 2 < C06 3 < C08 5 < C10 7 < C07 9,
        // money C09 80 < C06 300 < C08 350 < C10 700 < C07 1080.
        Assert.Equal(
            [
                ("R5F5M5", 1, 1080.00m),   // C07 R4F5M5 Champions
                ("R2F2M3", 1, 700.00m),    // C10 R1F4M4 At Risk
                ("R4F4M4", 1, 350.00m),    // C08 R3F3M3 Loyal Customers
                ("R4F2M3", 1, 300.00m),    // C06 R5F2M2 Potential Loyalists
                ("R1F1M2", 1, 80.00m),     // C09 R2F1M1 Hibernating
            ],
            SegmentRows(output));
        Assert.StartsWith("Run ", SummaryLine(output), StringComparison.Ordinal);
        Assert.Contains(" succeeded: 5 customers, 2,510.00 revenue, ", SummaryLine(output), StringComparison.Ordinal);
        Assert.Equal(south, await ScalarAsync<long>(database, "SELECT storefront_id FROM scoring.current_runs"));
    }

    [Fact]
    public async Task Days_narrows_the_window()
    {
        var database = await SeedAsync("cli_rfm_days");

        var (exitCode, output, error) = await CommandLineTests.RunAsync(database, "calculate-rfm", "--business", Business, "--days", "30");

        Assert.True(exitCode == 0, error);
        // C09 (last order 40 days ago) and C10 (60) have nothing in the last 30 days: 5,220 - 80 - 700.
        Assert.Contains(" succeeded: 8 customers, 4,440.00 revenue, ", SummaryLine(output), StringComparison.Ordinal);
        Assert.Equal(8, SegmentRows(output).Sum(s => s.Customers));
        var window = await ScalarAsync<double>(database, "SELECT (extract(epoch FROM window_to - window_from) / 86400)::float8 FROM scoring.runs");
        Assert.Equal(30d, window);
    }

    [Fact]
    public async Task Dry_run_reports_the_summary_and_publishes_nothing()
    {
        var database = await SeedAsync("cli_rfm_dry");

        var (exitCode, output, error) = await CommandLineTests.RunAsync(database, "calculate-rfm", "--business", Business, "--dry-run");

        Assert.True(exitCode == 0, error);
        Assert.Equal(10, SegmentRows(output).Sum(s => s.Customers));
        Assert.Matches(@"^Run \d+ dry run: 10 customers, 5,220\.00 revenue, compute \d+ ms, nothing published \(QUANTILE_TIES, ", SummaryLine(output));
        var run = await LatestRunAsync(database);
        Assert.Equal(("dry_run", 10L), (run.Status, run.Customers));
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM scoring.current_runs"));
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM scoring.customer_scores"));
        Assert.Null(await ScalarAsync<string?>(database, $"SELECT to_regclass('scoring.customer_scores_{run.Id}')::text"));
    }

    [Fact]
    public async Task Fixed_thresholds_use_the_given_cut_points()
    {
        var database = await SeedAsync("cli_rfm_fixed");

        var (exitCode, output, error) = await CommandLineTests.RunAsync(
            database, "calculate-rfm", "--business", Business, "--method", "FIXED_THRESHOLDS", "--scheme", "rfgrid10",
            "--recency-cuts", "3,11,30,50", "--frequency-cuts", "1,3,5,8", "--monetary-cuts", "100,400,600,900", "--verbose");

        Assert.True(exitCode == 0, error);
        // R = 5 - #(cuts ≤ days): C01 1, C02 2 → 5; C03 5, C04 6, C05 10 → 4; C06 12, C07 20, C08 25 → 3; C09 40 → 2; C10 60 → 1.
        // F = 1 + #(cuts < orders): C02 1 → 1; C09 2, C06 3 → 2; C04 4, C08 5 → 3; C05 6, C10 7, C03 8 → 4; C07 9, C01 10 → 5.
        // rfgrid10 by (R, F): C01 (5,5) Champions, C02 (5,1) New, C03 (4,4) Loyal, C04 (4,3) Potential, C05 (4,4) Loyal,
        // C06 (3,2) About to Sleep, C07 (3,5) Loyal, C08 (3,3) Need Attention, C09 (2,2) Hibernating, C10 (1,4) At Risk.
        Assert.Equal(
            [
                ("LOYAL_CUSTOMERS", 3, 2240.00m),      // C03 640 + C05 520 + C07 1080
                ("CHAMPIONS", 1, 1000.00m),
                ("AT_RISK", 1, 700.00m),
                ("POTENTIAL_LOYALISTS", 1, 500.00m),
                ("NEED_ATTENTION", 1, 350.00m),
                ("ABOUT_TO_SLEEP", 1, 300.00m),
                ("HIBERNATING", 1, 80.00m),
                ("NEW_CUSTOMERS", 1, 50.00m),
            ],
            SegmentRows(output));
        Assert.Contains("Cut points: R [3, 11, 30, 50] F [1, 3, 5, 8] M [100, 400, 600, 900]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--days", "abc" }, "--days 'abc' is not a whole number of days (1..36600).")]
    [InlineData(new[] { "--days", "0" }, "--days: Days must be between 1 and 36600.")]
    [InlineData(new[] { "--method", "median" }, "--method 'median' is not one of NTILE, QUANTILE_TIES, FIXED_THRESHOLDS.")]
    [InlineData(new[] { "--scheme", "nope" }, "--scheme: No segment scheme 'nope' (built in: pos8, classic11, rfgrid10).")]
    [InlineData(new[] { "--storefront", "north" }, "--storefront 'north' is not a storefront id (a positive whole number).")]
    [InlineData(new[] { "--colour", "red" }, "Unknown option or argument '--colour' (see calculate-rfm --help).")]
    [InlineData(new[] { "--method", "FIXED_THRESHOLDS" }, "--recency-cuts/--frequency-cuts/--monetary-cuts: FIXED_THRESHOLDS needs thresholds for recency, frequency and monetary.")]
    [InlineData(new[] { "--method", "FIXED_THRESHOLDS", "--recency-cuts", "7,30,90,180", "--frequency-cuts", "1,2,3,4", "--monetary-cuts", "9,8,7,6" }, "--monetary-cuts: Monetary cut points must be strictly ascending (9 is followed by 8).")]
    [InlineData(new[] { "--recency-cuts", "7,30,90,180" }, "--recency-cuts, --frequency-cuts and --monetary-cuts are only used with --method FIXED_THRESHOLDS.")]
    public async Task A_bad_option_is_one_line_on_stderr_exit_2_and_queues_nothing(string[] options, string message)
    {
        var database = await SeedAsync("cli_rfm_bad");

        var (exitCode, output, error) = await CommandLineTests.RunAsync(database, ["calculate-rfm", "--business", Business, .. options]);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal(message, Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM scoring.runs"));
    }

    [Fact]
    public async Task An_unknown_business_or_a_missing_business_option_is_one_line_exit_2()
    {
        var database = await SeedAsync("cli_rfm_ghost");

        var ghost = await CommandLineTests.RunAsync(database, "calculate-rfm", "--business", "ghost");
        var missing = await CommandLineTests.RunAsync(database, "calculate-rfm");

        Assert.Equal((2, "No business 'ghost': import its sales or run seed-demo --business ghost first."), (ghost.ExitCode, ghost.Error.Trim()));
        Assert.Equal((2, "--business is required: the key of the business to score."), (missing.ExitCode, missing.Error.Trim()));
    }

    [Fact]
    public async Task Starting_the_verb_fails_a_run_a_killed_process_left_running()
    {
        var database = await SeedAsync("cli_rfm_recover");
        var first = await CommandLineTests.RunAsync(database, "calculate-rfm", "--business", Business);
        Assert.Equal(0, first.ExitCode);
        var published = await LatestRunAsync(database);
        // What a process killed mid-run leaves: a row claimed as running, no session holding its lock, no rows.
        var orphan = await ScalarAsync<long>(database, $"""
            INSERT INTO scoring.runs (business_id, as_of, window_from, window_to, method, bins, scheme_id, scheme_key, scheme_version, status, started_at)
            SELECT business_id, as_of, window_from, window_to, method, bins, scheme_id, scheme_key, scheme_version, 'running', now()
            FROM scoring.runs WHERE id = {published.Id}
            RETURNING id
            """);

        var dry = await CommandLineTests.RunAsync(database, "calculate-rfm", "--business", Business, "--dry-run");

        Assert.Equal(0, dry.ExitCode);
        Assert.Equal("failed", await ScalarAsync<string>(database, $"SELECT status FROM scoring.runs WHERE id = {orphan}"));
        Assert.Equal(published.Id, await ScalarAsync<long>(database, "SELECT run_id FROM scoring.current_runs"));
        Assert.Equal(10L, await ScalarAsync<long>(database, "SELECT count(*) FROM scoring.customer_scores"));
    }

    [Theory]
    [InlineData(0.043, "43 ms")]
    [InlineData(0.9994, "999 ms")]
    [InlineData(1.0, "1.0 s")]
    [InlineData(12.34, "12.3 s")]
    public void Durations_under_a_second_are_shown_in_milliseconds(double seconds, string expected) =>
        Assert.Equal(expected, RfmGraph.Host.Cli.CalculateRfmVerb.Duration(TimeSpan.FromSeconds(seconds)));

    /// <summary>A fresh database with the ten customers, imported through the import verb.</summary>
    private async Task<string> SeedAsync(string prefix)
    {
        var database = await postgres.CreateDatabaseAsync(prefix);
        var now = DateTimeOffset.UtcNow;
        string At(int days) => (now - TimeSpan.FromDays(days) - TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var csv = new StringBuilder("sale_id,customer_id,ordered_at,amount,storefront,status\n");
        foreach (var (id, storefront, days, orders, amount) in Customers)
        {
            for (var i = 0; i < orders; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{id}-{i},{id},{At(days + i)},{amount},{storefront},completed\n");
            }
        }

        csv.Append(CultureInfo.InvariantCulture, $"C05-refund,C05,{At(11)},20,north,refunded\n");
        csv.Append(CultureInfo.InvariantCulture, $"C02-void,C02,{At(3)},999,north,voided\n");
        var file = Path.Combine(Path.GetTempPath(), $"rfmgraph-cli-rfm-{Guid.NewGuid().ToString("N")[..8]}.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        try
        {
            var imported = await CommandLineTests.RunAsync(database, "import", "sales", file, "--business", Business);
            Assert.True(imported.ExitCode == 0, imported.Error);
        }
        finally
        {
            File.Delete(file);
        }

        return database;
    }

    /// <summary>(code, customers, revenue) of every row of the summary table, in printed order.</summary>
    private static List<(string Code, int Customers, decimal Revenue)> SegmentRows(string output)
    {
        var rows = new List<(string, int, decimal)>();
        foreach (var line in output.Split('\n'))
        {
            var cells = line.Split('│');
            // A row is │ Segment │ Code │ Customers │ Revenue │ …; long names wrap onto lines with empty codes.
            if (cells.Length < 8 || cells[2].Trim() is "" or "Code")
            {
                continue;
            }

            rows.Add((cells[2].Trim(),
                int.Parse(cells[3].Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
                decimal.Parse(cells[4].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static string SummaryLine(string output) =>
        Assert.Single(output.Split('\n'), l => l.StartsWith("Run ", StringComparison.Ordinal)).TrimEnd('\r');

    private static async Task<(long Id, string Status, string Method, string Scheme, long? Customers, int? ComputeMs, int? PublishMs)> LatestRunAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, status, method, scheme_key, customers_scored, compute_ms, publish_ms FROM scoring.runs ORDER BY id DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6));
    }

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}
