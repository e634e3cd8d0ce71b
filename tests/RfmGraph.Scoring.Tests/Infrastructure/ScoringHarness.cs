using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using RfmGraph.Platform.Database;
using RfmGraph.Sales;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;
using RfmGraph.Scoring.Schemes;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests.Infrastructure;

/// <summary>
/// A fresh database with the Sales and Scoring migrations, the Scoring module wired as the Host
/// wires it, and helpers to write sales straight into sales.sales and read scores back.
/// </summary>
internal sealed class ScoringHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private long _externalId;

    private ScoringHarness(NpgsqlDataSource dataSource, ServiceProvider services)
    {
        DataSource = dataSource;
        _services = services;
    }

    public NpgsqlDataSource DataSource { get; }

    public IServiceProvider Services => _services;

    public IRfmRuns Runs => _services.GetRequiredService<IRfmRuns>();

    public SchemeStore Schemes => _services.GetRequiredService<SchemeStore>();

    public RunStore RunStore => _services.GetRequiredService<RunStore>();

    public RecordingSink Published => (RecordingSink)_services.GetRequiredService<IRunPublishedSink>();

    public static async Task<ScoringHarness> CreateAsync(PostgresFixture postgres, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var connectionString = await postgres.CreateDatabaseAsync("scoring");
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance)
            .MigrateAsync(connectionString, [SalesModule.Migrations, ScoringModule.Migrations]);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(dataSource);
        services.AddSingleton<IRunPublishedSink, RecordingSink>();
        services.AddScoringModule(configuration);
        configure?.Invoke(services);
        return new ScoringHarness(dataSource, services.BuildServiceProvider());
    }

    public async Task InsertSalesAsync(IEnumerable<Sale> sales)
    {
        var rows = sales.ToList();
        await using var connection = await DataSource.OpenConnectionAsync();
        // Sales partitions its tables by business; a business inserted with plain SQL has its partitions from
        // the businesses trigger, this covers rows whose business was created otherwise.
        await using (var probe = new NpgsqlCommand("SELECT to_regprocedure('sales.ensure_business_partitions(bigint)') IS NOT NULL", connection))
        {
            if (await probe.ExecuteScalarAsync() is true)
            {
                await using var ensure = new NpgsqlCommand("SELECT sales.ensure_business_partitions(b) FROM unnest(@businesses) AS b", connection);
                ensure.Parameters.AddWithValue("businesses", rows.Select(r => r.BusinessId).Distinct().ToArray());
                await ensure.ExecuteNonQueryAsync();
            }
        }

        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY sales.sales (business_id, storefront_id, customer_id, external_id, ordered_at, status, amount, refunded_amount) FROM STDIN (FORMAT BINARY)");
        foreach (var sale in rows)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(sale.BusinessId, NpgsqlDbType.Bigint);
            await writer.WriteAsync(sale.StorefrontId, NpgsqlDbType.Bigint);
            await writer.WriteAsync(sale.CustomerId, NpgsqlDbType.Bigint);
            await writer.WriteAsync("S" + Interlocked.Increment(ref _externalId).ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            await writer.WriteAsync(sale.OrderedAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(sale.Status, NpgsqlDbType.Text);
            await writer.WriteAsync(sale.Amount, NpgsqlDbType.Numeric);
            await writer.WriteAsync(sale.Refunded, NpgsqlDbType.Numeric);
        }

        await writer.CompleteAsync();
    }

    /// <summary>Queues and executes a run; fails the test with the user errors when the request is rejected.</summary>
    public async Task<RfmRunInfo> RunAsync(RfmRunRequest request)
    {
        var queued = await Runs.RequestAsync(request, CancellationToken.None);
        Assert.True(queued.Succeeded, string.Join("; ", queued.Errors.Select(e => e.Message)));
        return await Runs.ExecuteAsync(queued.Run!.Id, null, CancellationToken.None);
    }

    public async Task<Dictionary<long, ScoreRow>> ScoresAsync(long runId)
    {
        await using var command = DataSource.CreateCommand("""
            SELECT customer_id, recency_days, frequency, monetary, r, f, m, segment_code, rule_position, business_id
            FROM scoring.customer_scores WHERE run_id = @run
            """);
        command.Parameters.AddWithValue("run", runId);
        var rows = new Dictionary<long, ScoreRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetInt64(0)] = new ScoreRow(
                reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDecimal(3),
                reader.GetInt16(4), reader.GetInt16(5), reader.GetInt16(6), reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetInt16(8), reader.GetInt64(9));
        }

        return rows;
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}

/// <summary>A row of scoring.customer_scores.</summary>
internal sealed record ScoreRow(long CustomerId, int RecencyDays, int Frequency, decimal Monetary, int R, int F, int M, string Segment, int? RulePosition, long BusinessId);

/// <summary>Collects the published events instead of logging them.</summary>
internal sealed class RecordingSink : IRunPublishedSink
{
    private readonly List<RfmRunPublished> _events = [];

    public IReadOnlyList<RfmRunPublished> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public Task PublishAsync(RfmRunPublished published, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            _events.Add(published);
        }

        return Task.CompletedTask;
    }
}
