using System.Diagnostics;
using System.Text;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Robustness;

/// <summary>
/// Feeds 100,000 mutated documents (random bytes, truncations, splices, deep nesting, huge strings, token
/// soup) through parse → validate → execute. Nothing may throw out of the executor, no request may hang, and
/// memory must not grow without bound. The seed is fixed, so a failure reproduces.
/// </summary>
public sealed class FuzzTests
{
    private const string Sdl = """
        interface Node { id: ID! }
        type Item implements Node { id: ID! name: String! price: Float tags: [String!] parent: Item children(first: Int = 3): [Item!]! kind: Kind }
        enum Kind { SMALL LARGE }
        input Range { from: Int! to: Int }
        input Pick @oneOf { id: ID name: String }
        union Any = Item
        type Query {
          item(id: ID!): Item
          items(first: Int = 5, range: Range, kinds: [Kind!]): [Item!]!
          node(id: ID!): Node
          any: [Any]
          pick(by: Pick!): Item
          echo(text: String, n: Int, f: Float, b: Boolean): String
        }
        type Mutation { rename(id: ID!, name: String!): Item }
        """;

    private static readonly string[] Seeds =
    [
        "{ items { id name price tags kind } }",
        "query Q($n: Int = 2, $r: Range) { items(first: $n, range: $r) { id children(first: 2) { id parent { name } } } }",
        "{ a: item(id: 1) { ...F } b: node(id: \"2\") { id ... on Item { name } } } fragment F on Item { id name children { ...G } } fragment G on Item { id }",
        "{ any { __typename ... on Item { id } } __typename }",
        "mutation M { rename(id: 1, name: \"x\") { id name } }",
        "{ pick(by: {id: 7}) { id } echo(text: \"\\u00e9\\n\", n: -3, f: 1.5e3, b: true) }",
        "query($k: [Kind!]) { items(kinds: $k) { kind tags } }",
        "{ __schema { types { name fields { name type { name ofType { name } } } } } }",
        "query($skip: Boolean!) { items { id @skip(if: $skip) name @include(if: true) } }",
        "{ item(id: 1) { children { children { children { children { id } } } } } }",
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "...", "|", "&", "on", "query", "mutation", "fragment",
        "items", "item", "id", "name", "null", "true", "1", "-0.5e7", "\"s\"", "\"\"\"b\"\"\"", "#c\n", ",", "__typename",
    ];

    [Fact]
    public async Task Hundred_thousand_mutated_documents_never_escape_hang_or_leak()
    {
        var schema = new SchemaBuilder()
            .AddSdl(Sdl)
            .Resolve("Query", "items", c => new ValueTask<object?>(Items(c.ArgumentOrDefault("first", 5))))
            .Resolve("Query", "item", c => new ValueTask<object?>(Item(1)))
            .Resolve("Query", "node", c => new ValueTask<object?>(Item(2)))
            .Resolve("Query", "any", c => new ValueTask<object?>(new object?[] { Item(3), null }))
            .Resolve("Query", "pick", c => new ValueTask<object?>(Item(4)))
            .Resolve("Query", "echo", c => new ValueTask<object?>(string.Join(",", c.Arguments.Values)))
            .Resolve("Mutation", "rename", c => new ValueTask<object?>(Item(5)))
            .Resolve("Item", "children", c => new ValueTask<object?>(Items(Math.Clamp(c.ArgumentOrDefault("first", 3), 0, 5))))
            .Build();
        var executor = new GraphQLExecutor(schema, new GraphQLOptions { Timeout = TimeSpan.FromSeconds(5) });
        var random = new Random(20261201);
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var slowest = TimeSpan.Zero;
        var outcomes = new int[3];
        var variables = new Dictionary<string, object?> { ["n"] = 2L, ["skip"] = false, ["k"] = new object?[] { "SMALL" } };

        for (var i = 0; i < 100_000; i++)
        {
            var document = Mutate(random, i);
            var watch = Stopwatch.StartNew();
            ExecutionResult result;
            try
            {
                result = await executor.ExecuteAsync(new GraphQLRequest { Query = document, Variables = i % 3 == 0 ? variables : null });
            }
            catch (Exception error)
            {
                Assert.Fail($"Document #{i} escaped with {error.GetType().Name}: {error.Message}\n{Truncate(document)}");
                return;
            }
            watch.Stop();
            if (watch.Elapsed > slowest)
            {
                slowest = watch.Elapsed;
            }
            // Every result must serialize.
            _ = result.ToJson();
            outcomes[!result.HasData ? 0 : result.Errors.Count == 0 ? 1 : 2]++;
        }

        var growth = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        // A hang is what this catches, not slowness: the executor gives up after its 5 s timeout, and the bound
        // leaves room for a loaded CI machine (the whole suite on two cores) descheduling the test for a while.
        Assert.True(slowest < TimeSpan.FromSeconds(30), $"slowest request took {slowest}");
        Assert.True(growth < 256L * 1024 * 1024, $"memory grew by {growth / (1024 * 1024)} MB");
        // The corpus exercises all three paths: rejected requests, clean results and partial results.
        Assert.All(outcomes, count => Assert.True(count > 0, string.Join(",", outcomes)));
    }

    private static object Item(int id) => new Dictionary<string, object?>
    {
        ["__typename"] = "Item",
        ["id"] = id,
        ["name"] = id % 7 == 0 ? null : $"item {id}",
        ["price"] = id * 1.25,
        ["tags"] = new object?[] { "a", id % 5 == 0 ? null : "b" },
        ["kind"] = id % 2 == 0 ? "SMALL" : "LARGE",
        ["parent"] = id > 1 ? new Dictionary<string, object?> { ["id"] = id - 1, ["name"] = "parent" } : null,
    };

    private static object?[] Items(int count) => Enumerable.Range(1, Math.Clamp(count, 0, 20)).Select(Item).ToArray();

    private static string Mutate(Random random, int round)
    {
        var seed = Seeds[random.Next(Seeds.Length)];
        switch (round % 9)
        {
            case 0:
                return seed;
            case 1:
                {
                    // Flip, insert or delete a few characters.
                    var chars = new StringBuilder(seed);
                    for (var n = random.Next(1, 4); n > 0 && chars.Length > 0; n--)
                    {
                        var at = random.Next(chars.Length);
                        switch (random.Next(3))
                        {
                            case 0:
                                chars[at] = (char)random.Next(0, 128);
                                break;
                            case 1:
                                chars.Insert(at, (char)random.Next(0, 0x3000));
                                break;
                            default:
                                chars.Remove(at, 1);
                                break;
                        }
                    }
                    return chars.ToString();
                }
            case 2:
                return seed[..random.Next(seed.Length + 1)];
            case 3:
                {
                    var other = Seeds[random.Next(Seeds.Length)];
                    return seed[..random.Next(seed.Length + 1)] + other[random.Next(other.Length + 1)..];
                }
            case 4:
                {
                    var depth = random.Next(10, 200);
                    return string.Concat(Enumerable.Repeat("{ item(id: 1) ", depth)) + "{ id }" + new string('}', depth);
                }
            case 5:
                return "{ echo(text: \"" + new string('x', random.Next(1_000, 20_000)) + "\") }";
            case 6:
                {
                    var soup = new StringBuilder();
                    for (var n = random.Next(1, 60); n > 0; n--)
                    {
                        soup.Append(Tokens[random.Next(Tokens.Length)]).Append(' ');
                    }
                    return soup.ToString();
                }
            case 7:
                {
                    var bytes = new byte[random.Next(0, 200)];
                    random.NextBytes(bytes);
                    return Encoding.UTF8.GetString(bytes);
                }
            default:
                {
                    var width = random.Next(1, 400);
                    return "{ " + string.Concat(Enumerable.Range(0, width).Select(n => $"a{n}: items {{ id }} ")) + "}";
                }
        }
    }

    private static string Truncate(string document) => document.Length > 300 ? document[..300] + "..." : document;
}
