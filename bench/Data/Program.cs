// Data conventions benchmark: a filtered, sorted 50-row keyset page over 1,000,000 PostgreSQL rows, executed
// through the GraphQL engine in-process (the Host does not serve GraphQL yet), 16 concurrent clients.
// Usage: dotnet run -c Release --project bench/Data [seconds=20]
using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using RfmGraph.Bench.Data;
using RfmGraph.GraphQL.Data;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.Platform.Database;

var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
const int Clients = 16;
var root = Path.Combine(Path.GetTempPath(), "rfmgraph-bench-data-" + Guid.NewGuid().ToString("N")[..8]);
await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(root, "data"), Ephemeral = true });
await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString + ";Maximum Pool Size=32");
await using (var setup = dataSource.CreateCommand("""
    CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, status int NOT NULL, amount numeric(12,2) NOT NULL, created_at timestamptz NOT NULL);
    INSERT INTO orders SELECT g, 'customer ' || (g % 50000), g % 4, ((g * 7919) % 100000) / 100.0,
        timestamptz '2024-01-01' + ((g * 104729) % 31536000) * interval '1 second' FROM generate_series(1::bigint, 1000000::bigint) g;
    CREATE INDEX orders_status_created ON orders (status, created_at DESC, id);
    ANALYZE orders;
    """))
{
    setup.CommandTimeout = 600;
    await setup.ExecuteNonQueryAsync();
}

var capture = new CaptureLastCommand();
var options = new DbContextOptionsBuilder<OrdersContext>().UseNpgsql(dataSource).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(capture).Options;
var builder = new SchemaBuilder();
builder.Enum<OrderStatus>();
builder.Object<Order>("Order", o => o
    .Field("orderId", "Long!", f => f.MapsTo("Id").Resolve(x => x.Id))
    .Field("customer", x => x.Customer)
    .Field("status", x => x.Status)
    .Field("amount", x => x.Amount)
    .Field("createdAt", x => x.CreatedAt));
builder.Object("Query", q => q.Connection("orders", context => context.Service<OrdersContext>().Orders));
var executor = new GraphQLExecutor(builder.Build());
const string Query = """
    query($after: String) {
      orders(first: 50, after: $after, where: { status: { eq: PAID }, amount: { gte: 100 } }, order: [{ createdAt: DESC }]) {
        edges { cursor node { orderId customer amount createdAt } }
        pageInfo { hasNextPage endCursor }
      }
    }
    """;

async Task<string?> Page(string? after)
{
    await using var db = new OrdersContext(options);
    var result = await executor.ExecuteAsync(new GraphQLRequest { Query = Query, Variables = new Dictionary<string, object?> { ["after"] = after } }, new RequestContext(new Services(db)));
    if (result.Errors.Count > 0)
    {
        throw new InvalidOperationException(result.Errors[0].Message);
    }
    using var json = JsonDocument.Parse(result.ToJson());
    var info = json.RootElement.GetProperty("data").GetProperty("orders").GetProperty("pageInfo");
    return info.GetProperty("hasNextPage").GetBoolean() ? info.GetProperty("endCursor").GetString() : null;
}

// Warm up (JIT, EF query cache, PostgreSQL buffers), then keep the last page query for EXPLAIN.
string? cursor = null;
for (var i = 0; i < 200; i++)
{
    cursor = await Page(cursor);
}
var explainSql = capture.Last!;
var explainParameters = capture.LastParameters.ToList();

var latencies = new List<double>[Clients];
var stop = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
{
    var own = latencies[client] = new List<double>(100_000);
    string? after = null;
    var depth = 0;
    while (stop.Elapsed.TotalSeconds < seconds)
    {
        var started = Stopwatch.GetTimestamp();
        after = await Page(after);
        own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        // Each client walks up to 40 pages deep (seeks far into the index), then starts over.
        if (++depth == 40 || after is null)
        {
            after = null;
            depth = 0;
        }
    }
}));
var elapsed = stop.Elapsed.TotalSeconds;
var all = latencies.SelectMany(l => l).Order().ToList();
double Percentile(double p) => all[(int)Math.Min(all.Count - 1, Math.Ceiling(p * all.Count) - 1)];
Console.WriteLine($"requests: {all.Count} in {elapsed:F1}s with {Clients} clients");
Console.WriteLine($"requests/s: {all.Count / elapsed:F0}  p50: {Percentile(0.50):F2} ms  p99: {Percentile(0.99):F2} ms  max: {all[^1]:F2} ms");
Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine("SQL of a deep page:");
Console.WriteLine(explainSql);
await using (var explain = dataSource.CreateCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + explainSql))
{
    foreach (var (name, value) in explainParameters)
    {
        explain.Parameters.Add(new NpgsqlParameter(name, value));
    }
    await using var reader = await explain.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        Console.WriteLine(reader.GetString(0));
    }
}
try
{
    Directory.Delete(root, recursive: true);
}
catch (IOException)
{
}

namespace RfmGraph.Bench.Data
{
    internal enum OrderStatus
    {
        Open,
        Paid,
        Shipped,
        Cancelled,
    }

    internal sealed class Order
    {
        public long Id { get; set; }

        public string Customer { get; set; } = "";

        public OrderStatus Status { get; set; }

        public decimal Amount { get; set; }

        public DateTime CreatedAt { get; set; }
    }

    internal sealed class OrdersContext(DbContextOptions<OrdersContext> options) : DbContext(options)
    {
        public DbSet<Order> Orders => Set<Order>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Order>(e =>
        {
            e.ToTable("orders");
            e.Property(o => o.Id).HasColumnName("id");
            e.Property(o => o.Customer).HasColumnName("customer");
            e.Property(o => o.Status).HasColumnName("status");
            e.Property(o => o.Amount).HasColumnName("amount").HasPrecision(12, 2);
            e.Property(o => o.CreatedAt).HasColumnName("created_at");
        });
    }

    internal sealed class Services(OrdersContext db) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(OrdersContext) ? db : null;
    }

    /// <summary>Keeps the last page query (text and parameters) to EXPLAIN it afterwards.</summary>
    internal sealed class CaptureLastCommand : DbCommandInterceptor
    {
        public string? Last { get; private set; }

        public List<(string Name, object? Value)> LastParameters { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            lock (LastParameters)
            {
                Last = command.CommandText;
                LastParameters.Clear();
                foreach (DbParameter parameter in command.Parameters)
                {
                    LastParameters.Add((parameter.ParameterName, parameter.Value));
                }
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
