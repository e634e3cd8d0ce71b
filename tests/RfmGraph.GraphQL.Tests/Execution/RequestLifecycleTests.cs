using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Execution;

/// <summary>
/// What a resolver gets from the request (scoped services, the user, the cancellation token) and what happens to
/// it when the request ends early: the caller aborts, or the timeout fires.
/// </summary>
public sealed class RequestLifecycleTests
{
    private sealed class Greeter(string greeting)
    {
        public string Greet(string name) => $"{greeting}, {name}";
    }

    private sealed class Counter
    {
        public int Value;
    }

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), exception));
    }

    [Fact]
    public async Task Resolvers_get_scoped_services_and_the_user_of_their_request()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q
                .Field("greeting", "String!", f => f.Argument("name", "String!")
                    .Resolve((_, context) => context.Service<Greeter>().Greet(context.Argument<string>("name"))))
                .Field("calls", "Int!", f => f.ResolveAsync<int>((_, context, _) =>
                    Task.FromResult(Interlocked.Increment(ref context.Service<Counter>().Value))))
                .Field("user", "String", f => f.Resolve((_, context) => context.Request.User.Identity?.Name)))
            .Build();
        var services = new ServiceCollection()
            .AddSingleton(new Greeter("Hello"))
            .AddScoped<Counter>()
            .BuildServiceProvider(validateScopes: true);
        var executor = new GraphQLExecutor(schema);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "test"));

        using var first = services.CreateScope();
        using var second = services.CreateScope();
        var a = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ greeting(name: \"Ada\") one: calls two: calls user }" }, new RequestContext(first.ServiceProvider, user));
        var b = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ calls user }" }, new RequestContext(second.ServiceProvider));

        // One Counter per scope: the two fields of the first request share it, the second request has its own.
        Assert.Equal("{\"data\":{\"greeting\":\"Hello, Ada\",\"one\":1,\"two\":2,\"user\":\"ada\"}}", a.ToJson());
        Assert.Equal("{\"data\":{\"calls\":1,\"user\":null}}", b.ToJson());
    }

    [Fact]
    public async Task A_missing_service_is_an_unexpected_error_not_a_crash()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("greeting", "String", f => f.Resolve((_, context) => context.Service<Greeter>().Greet("x"))))
            .Build();
        var logger = new ListLogger();
        var result = await new GraphQLExecutor(schema, logger: logger).ExecuteAsync(
            new GraphQLRequest { Query = "{ greeting }" }, new RequestContext(new ServiceCollection().BuildServiceProvider(), traceId: "trace-404"));

        Assert.Equal(
            "{\"errors\":[{\"message\":\"Unexpected Execution Error\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"greeting\"],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":{\"greeting\":null}}",
            result.ToJson());
        Assert.IsType<InvalidOperationException>(Assert.Single(logger.Entries).Exception);
    }

    [Fact]
    public async Task A_masked_exception_is_logged_with_the_trace_id_path_and_original_exception()
    {
        var failure = new InvalidOperationException("connection string leaked");
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("customer", "Customer", _ => new object()))
            .Object("Customer", c => c.Field("secret", "String", f => f.Resolve<string>(_ => throw failure)))
            .Build();
        var logger = new ListLogger();
        var executor = new GraphQLExecutor(schema, logger: logger);

        var result = await executor.ExecuteAsync(
            new GraphQLRequest { Query = "{ customer { secret } }" },
            new RequestContext(new ServiceCollection().BuildServiceProvider(), traceId: "4bf92f3577b34da6a3ce929d0e0e4736"));

        Assert.DoesNotContain("leaked", result.ToJson(), StringComparison.Ordinal);
        Assert.Contains("\"message\":\"Unexpected Execution Error\"", result.ToJson(), StringComparison.Ordinal);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(failure, entry.Exception);
        Assert.Equal("Unexpected error resolving customer.secret (trace 4bf92f3577b34da6a3ce929d0e0e4736)", entry.Message);
    }

    [Fact]
    public async Task The_timeout_is_logged_with_the_trace_id()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("slow", "Int", f => f.ResolveAsync<int>(async (_, _, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return 1;
            })))
            .Build();
        var logger = new ListLogger();
        var executor = new GraphQLExecutor(schema, new GraphQLOptions { Timeout = TimeSpan.FromMilliseconds(40) }, logger: logger);

        await executor.ExecuteAsync(new GraphQLRequest { Query = "{ slow }" }, new RequestContext(new ServiceCollection().BuildServiceProvider(), traceId: "t-1"));

        var entry = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("GraphQL request timed out after 40 ms (trace t-1)", entry.Message);
    }

    [Fact]
    public async Task A_caller_abort_cancels_the_resolvers_token_and_the_request()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var observed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("wait", "Int", f => f.ResolveAsync<int>(async (_, _, token) =>
            {
                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                    return 1;
                }
                finally
                {
                    // Cleanup that does I/O (closing a reader, returning a connection) resumes after the request
                    // has already been given up.
                    await Task.Delay(20, CancellationToken.None);
                    observed.TrySetResult(token.IsCancellationRequested);
                }
            })))
            .Build();
        using var abort = new CancellationTokenSource();
        var execution = new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest { Query = "{ wait }" }, cancellationToken: abort.Token);

        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => execution.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.True(await observed.Task.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task After_a_timeout_resolvers_still_run_their_cleanup()
    {
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = new SchemaBuilder()
            .Object("Query", q => q
                .Field("slow", "Int", f => f.ResolveAsync<int>(async (_, _, token) =>
                {
                    // Stands for "await using var db = ...": the connection must go back to the pool even though
                    // the response has already been written.
                    try
                    {
                        await Task.Delay(Timeout.Infinite, token);
                        return 1;
                    }
                    finally
                    {
                        await Task.Delay(20, CancellationToken.None);
                        disposed.SetResult();
                    }
                })))
            .Build();

        var result = await new GraphQLExecutor(schema, new GraphQLOptions { Timeout = TimeSpan.FromMilliseconds(30) })
            .ExecuteAsync(new GraphQLRequest { Query = "{ slow }" });

        Assert.Equal("{\"errors\":[{\"message\":\"Request timed out after 30 ms.\",\"extensions\":{\"code\":\"TIMEOUT\"}}],\"data\":null}", result.ToJson());
        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Resolvers_can_add_response_extensions_for_their_request_only()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q
                .Field("a", "Int", f => f.Resolve((_, context) =>
                {
                    context.Request.SetResponseExtension("cost", new Dictionary<string, object?> { ["requested"] = 3, ["unit"] = "field" });
                    return 1;
                }))
                .Field("b", "Int", f => f.Resolve<int>((_, context) =>
                {
                    context.Request.SetResponseExtension("warnings", new object?[] { "b is slow" });
                    throw new GraphQLException("b failed", "B_FAILED");
                })))
            .Build();
        var executor = new GraphQLExecutor(schema);

        var both = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ a b }" });
        var none = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ __typename }" });

        // graphql-js key order: errors, data, extensions.
        Assert.Equal(
            "{\"errors\":[{\"message\":\"b failed\",\"locations\":[{\"line\":1,\"column\":5}],\"path\":[\"b\"],\"extensions\":{\"code\":\"B_FAILED\"}}]," +
            "\"data\":{\"a\":1,\"b\":null},\"extensions\":{\"cost\":{\"requested\":3,\"unit\":\"field\"},\"warnings\":[\"b is slow\"]}}",
            both.ToJson());
        Assert.Equal("{\"data\":{\"__typename\":\"Query\"}}", none.ToJson());
    }
}
