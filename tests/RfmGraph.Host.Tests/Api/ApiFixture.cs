using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Host.Tests.Api;

/// <summary>
/// The whole Host in-process on a real PostgreSQL (businesses acme and globex). Requests run through the Host's
/// GraphQL executor in a DI scope of the Host bound to one business — what the HTTP transport does after
/// authentication (<see cref="HttpApiTests"/> goes through HTTP with bearer tokens).
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly HostFixture _host = new();

    public BusinessInfo Acme => _host.Acme;

    public BusinessInfo Globex => _host.Globex;

    public RfmHostFactory Factory => _host.Factory;

    internal GraphQLExecutor Executor { get; private set; } = null!;

    /// <summary>The hand-checked data set of acme, built once per fixture on first use.</summary>
    public AcmeScenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        Scenario = new AcmeScenario(this);
        // The Host's own executor: its composed schema (roots + AddSalesTypes + AddScoringTypes), validation and limits.
        Executor = Factory.Services.GetRequiredService<GraphQLExecutor>();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    /// <summary>Another business of its own for a test class (created on first use).</summary>
    public async Task<BusinessInfo> BusinessAsync(string key, string name)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IBusinessDirectory>().EnsureAsync(key, name, "EUR", CancellationToken.None);
    }

    /// <summary>Runs a SQL query on the Host's database (for oracles computed independently of the API).</summary>
    public async Task<List<object?[]>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Executes as <paramref name="business"/>; returns the response JSON.</summary>
    public async Task<JsonElement> ExecuteAsync(BusinessInfo business, string query, object? variables = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(business.Id, business.Key);
        var result = await Executor.ExecuteAsync(
            new GraphQLRequest { Query = query, Variables = Variables(variables) },
            new RequestContext(scope.ServiceProvider));
        return JsonDocument.Parse(result.ToJson()).RootElement.Clone();
    }

    /// <summary>Executes and returns <c>data</c>, failing the test on any GraphQL error.</summary>
    public async Task<JsonElement> DataAsync(BusinessInfo business, string query, object? variables = null)
    {
        var response = await ExecuteAsync(business, query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data");
    }

    /// <summary>Counts the SQL statements on sales.* / scoring.* that Npgsql executes for <paramref name="action"/>.</summary>
    /// <remarks>
    /// An activity listener sees every Npgsql command of the process: other test classes' hosts running in parallel
    /// and this Host's background jobs too. Only commands in the trace of an activity started around the action
    /// (Npgsql parents its activities on <see cref="Activity.Current"/>, which flows with the action's awaits) are
    /// the action's own.
    /// </remarks>
    public static async Task<int> CountStatementsAsync(Func<Task> action)
    {
        var count = 0;
        using var scope = new Activity("rfmgraph-tests.count-statements").SetIdFormat(ActivityIdFormat.W3C);
        var trace = default(ActivityTraceId);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TraceId != trace)
                {
                    return;
                }
                // Quartz polls the same database; only statements on the modules' schemas are the API's.
                var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? string.Empty;
                if (text.Contains("sales.", StringComparison.Ordinal) || text.Contains("scoring.", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref count);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var previous = Activity.Current;
        Activity.Current = null;
        scope.Start();
        trace = scope.TraceId;
        try
        {
            await action();
        }
        finally
        {
            scope.Stop();
            Activity.Current = previous;
        }

        return count;
    }

    internal static IReadOnlyDictionary<string, object?>? Variables(object? variables) =>
        variables is null ? null : (IReadOnlyDictionary<string, object?>?)JsonInput.ToClr(JsonSerializer.SerializeToElement(variables));
}
