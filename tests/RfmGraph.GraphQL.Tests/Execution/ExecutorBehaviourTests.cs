using System.Collections.Concurrent;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Execution;

public sealed class ExecutorBehaviourTests
{
    private sealed record Animal(string Name);

    private sealed record Dog(string Name, bool Barks);

    private sealed record Cat(string Name, int Lives);

    private sealed record RangeInput(int From, int To, string? Label);

    private static Task<ExecutionResult> Run(Schema schema, string query, GraphQLOptions? options = null, IReadOnlyDictionary<string, object?>? variables = null) =>
        new GraphQLExecutor(schema, options).ExecuteAsync(new GraphQLRequest { Query = query, Variables = variables });

    [Fact]
    public async Task Async_sibling_fields_run_concurrently()
    {
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var schema = new SchemaBuilder()
            .Object("Query", q => q
                .Field("a", "String", f => f.ResolveAsync<string>(async (_, _) =>
                {
                    aStarted.SetResult();
                    await bStarted.Task.WaitAsync(safety.Token);
                    return "a";
                }))
                .Field("b", "String", f => f.ResolveAsync<string>(async (_, _) =>
                {
                    bStarted.SetResult();
                    await aStarted.Task.WaitAsync(safety.Token);
                    return "b";
                })))
            .Build();

        // Each resolver waits for the other to have started: this only completes if both run at the same time.
        var result = await Run(schema, "{ a b }");

        Assert.Equal("{\"data\":{\"a\":\"a\",\"b\":\"b\"}}", result.ToJson());
    }

    [Fact]
    public async Task Mutation_fields_run_one_after_another()
    {
        var log = new ConcurrentQueue<string>();
        async Task<int> Step(int n)
        {
            log.Enqueue($"start{n}");
            await Task.Delay(20);
            log.Enqueue($"end{n}");
            return n;
        }
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("x", "Int", _ => 0))
            .Object("Mutation", m => m
                .Field("first", "Int", f => f.ResolveAsync<int>((_, _) => Step(1)))
                .Field("second", "Int", f => f.ResolveAsync<int>((_, _) => Step(2))))
            .Build();

        var result = await Run(schema, "mutation { first second }");

        Assert.Equal("{\"data\":{\"first\":1,\"second\":2}}", result.ToJson());
        Assert.Equal(["start1", "end1", "start2", "end2"], log);
    }

    [Fact]
    public async Task Unexpected_exceptions_are_masked_but_graphql_exceptions_keep_their_message()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q
                .Field("secret", "String", f => f.Resolve<string>(_ => throw new InvalidOperationException("connection string leaked")))
                .Field("public", "String", f => f.Resolve<string>(_ => throw new GraphQLException("Customer not found.", "NOT_FOUND"))))
            .Build();

        var masked = await Run(schema, "{ secret public }");
        Assert.Equal(
            "{\"errors\":[" +
            "{\"message\":\"Unexpected Execution Error\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"secret\"],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}," +
            "{\"message\":\"Customer not found.\",\"locations\":[{\"line\":1,\"column\":10}],\"path\":[\"public\"],\"extensions\":{\"code\":\"NOT_FOUND\"}}]," +
            "\"data\":{\"secret\":null,\"public\":null}}",
            masked.ToJson());

        var unmasked = await Run(schema, "{ secret }", new GraphQLOptions { MaskUnexpectedErrors = false });
        Assert.Contains("\"message\":\"connection string leaked\"", unmasked.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_cancels_resolvers_and_reports_an_error()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("slow", "String", f => f.ResolveAsync<string>(async (_, _, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return "never";
            })))
            .Build();

        var result = await Run(schema, "{ slow }", new GraphQLOptions { Timeout = TimeSpan.FromMilliseconds(50) });

        Assert.Equal(
            "{\"errors\":[{\"message\":\"Request timed out after 50 ms.\",\"extensions\":{\"code\":\"TIMEOUT\"}}],\"data\":null}",
            result.ToJson());
    }

    [Fact]
    public async Task Abstract_types_resolve_by_clr_type()
    {
        var schema = new SchemaBuilder()
            .Interface("Named", i => i.Field("name", "String!"))
            .Object<Dog>("Dog", d => d.Implements("Named").Field("name", "String!", x => x.Name).Field("barks", "Boolean!", x => x.Barks))
            .Object<Cat>("Cat", c => c.Implements("Named").Field("name", "String!", x => x.Name).Field("lives", "Int!", x => x.Lives))
            .Union("Pet", ["Dog", "Cat"])
            .Object("Query", q => q
                .Field("pets", "[Pet!]!", _ => new object[] { new Dog("Rex", true), new Cat("Tom", 9) })
                .Field("named", "[Named!]!", _ => new object[] { new Cat("Kit", 7) })
                .Field("broken", "Named", _ => new Animal("?")))
            .Build();

        var result = await Run(schema, "{ pets { __typename ... on Dog { barks } ... on Cat { lives } } named { name } broken { name } }");

        Assert.Equal(
            "{\"errors\":[{\"message\":\"Abstract type \\\"Named\\\" must resolve to an Object type at runtime for field \\\"Query.broken\\\". Either the \\\"Named\\\" type should provide a \\\"resolveType\\\" function or each possible type should provide an \\\"isTypeOf\\\" function.\",\"locations\":[{\"line\":1,\"column\":80}],\"path\":[\"broken\"]}]," +
            "\"data\":{\"pets\":[{\"__typename\":\"Dog\",\"barks\":true},{\"__typename\":\"Cat\",\"lives\":9}],\"named\":[{\"name\":\"Kit\"}],\"broken\":null}}",
            result.ToJson());
    }

    [Fact]
    public async Task Typed_arguments_map_input_objects_onto_records()
    {
        var schema = new SchemaBuilder()
            .InputObject<RangeInput>("Range", i => i.Field("from", "Int!").Field("to", "Int!").Field("label", "String", defaultValue: "none"))
            .Object("Query", q => q.Field("span", "String", f => f
                .Argument("range", "Range!")
                .Resolve((_, context) =>
                {
                    var range = context.Argument<RangeInput>("range");
                    return $"{range.Label}:{range.To - range.From}";
                })))
            .Build();

        var result = await Run(schema, "query($r: Range!) { a: span(range: {from: 2, to: 7}) b: span(range: $r) }", variables: new Dictionary<string, object?>
        {
            ["r"] = new Dictionary<string, object?> { ["from"] = 1L, ["to"] = 3L, ["label"] = "x" },
        });

        Assert.Equal("{\"data\":{\"a\":\"none:5\",\"b\":\"x:2\"}}", result.ToJson());
    }

    [Fact]
    public async Task Batch_dispatcher_collects_every_key_of_a_list_into_one_batch()
    {
        var batches = new List<int[]>();
        var schema = new SchemaBuilder()
            .Object<int>("Parent", p => p
                .Field("id", "Int!", id => id)
                .Field("child", "String!", f => f.ResolveAsync<string>((id, context) =>
                    context.Request.GetOrAddLoader("children", () => new TestLoader(context.Request, batches)).Load(id))))
            .Object("Query", q => q.Field("parents", "[Parent!]!", _ => Enumerable.Range(1, 100).ToArray()))
            .Build();

        var result = await Run(schema, "{ parents { id child } }");

        var batch = Assert.Single(batches);
        Assert.Equal(Enumerable.Range(1, 100), batch);
        Assert.StartsWith("{\"data\":{\"parents\":[{\"id\":1,\"child\":\"child-1\"},{\"id\":2,\"child\":\"child-2\"}", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selected_fields_expose_the_sub_selection_for_projections()
    {
        IReadOnlyList<SelectedField>? seen = null;
        var schema = new SchemaBuilder()
            .Object("Item", i => i.Field("a", "Int", _ => 1).Field("b", "Int", _ => 2).Field("c", "Int", _ => 3))
            .Object("Query", q => q.Field("item", "Item", f => f.Resolve((_, context) =>
            {
                seen = context.SelectedFields();
                return new object();
            })))
            .Build();

        await Run(schema, "query($no: Boolean!) { item { a ...F x: c @skip(if: $no) } } fragment F on Item { b }", variables: new Dictionary<string, object?> { ["no"] = true });

        Assert.Equal(["a", "b"], seen!.Select(s => s.ResponseKey));
    }

    private sealed class TestLoader(RequestContext request, List<int[]> batches) : IBatchDispatcher
    {
        private readonly Dictionary<int, TaskCompletionSource<string>> _pending = [];
        private bool _registered;

        public bool HasPendingWork => _pending.Count > 0;

        public Task<string> Load(int key)
        {
            if (!_registered)
            {
                request.RegisterBatchDispatcher(this);
                _registered = true;
            }
            var source = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[key] = source;
            return source.Task;
        }

        public void Dispatch()
        {
            var work = _pending.ToArray();
            _pending.Clear();
            batches.Add(work.Select(w => w.Key).ToArray());
            _ = Task.Run(async () =>
            {
                await Task.Yield();
                foreach (var (key, source) in work)
                {
                    source.SetResult($"child-{key}");
                }
            });
        }
    }
}
