using System.Collections.Concurrent;
using System.Text.Json;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Validation;

namespace RfmGraph.GraphQL.Data.Tests.Engine;

/// <summary>
/// The one-value-per-key loader (<c>context.BatchLoader</c>) driven by the real executor: a whole list level is one
/// fetch with each key once, unknown keys resolve to null, a key is fetched at most once per request, and the cache
/// does not outlive the request.
/// </summary>
public sealed class BatchLoaderEngineTests
{
    // parents: ids 1..100; child loads key = id, partner loads key = 101 - id (the same 100 keys in another order),
    // and every child's twin loads its own key again one level deeper, after the first fetch has completed.
    private const string Query = "{ parents { id child { key name twin { key } } partner { key } } }";

    private static readonly int[] Keys = [.. Enumerable.Range(1, 100)];

    [Fact]
    public async Task A_hundred_parents_load_their_children_with_one_fetch_of_the_distinct_keys()
    {
        var graph = new ChildGraph();
        var result = await graph.RunAsync(Query);

        var fetch = Assert.Single(graph.Fetches);
        Assert.Equal(100, fetch.Count);
        Assert.Equal(Keys, fetch.Order());
        var parents = result.GetProperty("data").GetProperty("parents").EnumerateArray().ToList();
        Assert.Equal(Keys, parents.Select(p => p.GetProperty("id").GetInt32()));
        foreach (var parent in parents)
        {
            var id = parent.GetProperty("id").GetInt32();
            AssertChild(parent.GetProperty("child"), id, withTwin: true);
            AssertChild(parent.GetProperty("partner"), 101 - id, withTwin: false);
        }
    }

    [Fact]
    public async Task Keys_the_fetch_does_not_return_resolve_to_null_without_an_error()
    {
        var graph = new ChildGraph();
        var result = await graph.RunAsync("{ parents { id child { key } } }");

        Assert.False(result.TryGetProperty("errors", out _));
        var missing = result.GetProperty("data").GetProperty("parents").EnumerateArray()
            .Where(p => p.GetProperty("child").ValueKind == JsonValueKind.Null)
            .Select(p => p.GetProperty("id").GetInt32());
        Assert.Equal([91, 92, 93, 94, 95, 96, 97, 98, 99, 100], missing);
    }

    [Fact]
    public async Task The_cache_lives_for_one_request_and_a_new_request_fetches_again()
    {
        var graph = new ChildGraph();
        await graph.RunAsync(Query);
        var second = await graph.RunAsync(Query);

        Assert.Equal(2, graph.Fetches.Count);
        Assert.Equal(Keys, graph.Fetches[1].Order());
        var parent = second.GetProperty("data").GetProperty("parents")[41];
        AssertChild(parent.GetProperty("child"), 42, withTwin: true);
    }

    [Fact]
    public async Task Keys_first_asked_for_after_a_fetch_go_in_a_second_fetch_without_the_cached_ones()
    {
        var graph = new ChildGraph();
        var result = await graph.RunAsync("{ parents { child { key cousin { key name } } } }");

        Assert.Equal(2, graph.Fetches.Count);
        Assert.Equal(Keys, graph.Fetches[0].Order());
        // cousin = key + 80 for keys 1..90: 81..100 were fetched already, only 101..170 are new.
        Assert.Equal(Enumerable.Range(101, 70), graph.Fetches[1].Order());
        var first = result.GetProperty("data").GetProperty("parents")[0].GetProperty("child").GetProperty("cousin");
        Assert.Equal(81, first.GetProperty("key").GetInt32());
        Assert.Equal("child 81", first.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("parents")[10].GetProperty("child").GetProperty("cousin").ValueKind);
    }

    private static void AssertChild(JsonElement child, int key, bool withTwin)
    {
        if (key > ChildGraph.StoredKeys)
        {
            Assert.Equal(JsonValueKind.Null, child.ValueKind);
            return;
        }
        Assert.Equal(key, child.GetProperty("key").GetInt32());
        if (withTwin)
        {
            Assert.Equal($"child {key}", child.GetProperty("name").GetString());
            Assert.Equal(key, child.GetProperty("twin").GetProperty("key").GetInt32());
        }
    }

    private sealed record Parent(int Id);

    private sealed record Child(int Key, string Name);

    /// <summary>A schema whose children come from an in-memory store through one named BatchLoader; every fetch is recorded.</summary>
    private sealed class ChildGraph
    {
        /// <summary>Keys 1..90 exist; 91 and above do not.</summary>
        public const int StoredKeys = 90;

        private readonly ConcurrentQueue<IReadOnlyList<int>> _fetches = new();
        private readonly GraphQLExecutor _executor;

        public ChildGraph()
        {
            var builder = new SchemaBuilder();
            builder.Object<Child>("Child", o => o
                .Field("key", c => c.Key)
                .Field("name", c => c.Name)
                .Field("twin", "Child", f => f.ResolveAsync((c, context) => Load(context, c.Key)))
                .Field("cousin", "Child", f => f.ResolveAsync((c, context) => Load(context, c.Key + 80))));
            builder.Object<Parent>("Parent", o => o
                .Field("id", p => p.Id)
                .Field("child", "Child", f => f.ResolveAsync((p, context) => Load(context, p.Id)))
                .Field("partner", "Child", f => f.ResolveAsync((p, context) => Load(context, 101 - p.Id))));
            builder.Object("Query", q => q
                .Field("parents", "[Parent!]!", f => f.Resolve(_ => Enumerable.Range(1, 100).Select(i => new Parent(i)).ToList())));
            _executor = new GraphQLExecutor(builder.Build(), null, (schema, document, maxErrors) => DocumentValidator.Validate(schema, document, null, maxErrors));
        }

        public IReadOnlyList<IReadOnlyList<int>> Fetches => [.. _fetches];

        public async Task<JsonElement> RunAsync(string query)
        {
            var result = await _executor.ExecuteAsync(new GraphQLRequest { Query = query }, new RequestContext(new NoServices()));
            return JsonDocument.Parse(result.ToJson()).RootElement.Clone();
        }

        private Task<Child?> Load(IResolverContext context, int key) => context.BatchLoader<int, Child>("children", FetchAsync).LoadAsync(key);

        private async Task<IReadOnlyDictionary<int, Child>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            _fetches.Enqueue([.. keys]);
            // Completes on a pool thread, as a database call does, so waiting fields really wait for the batch.
            return await Task.Run(() => keys.Where(k => k <= StoredKeys).ToDictionary(k => k, k => new Child(k, $"child {k}")), cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
