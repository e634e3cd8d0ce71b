using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Execution;

/// <summary>Each limit rejects the request with a coded error before any resolver runs.</summary>
public sealed class LimitTests
{
    private sealed class Counter
    {
        public int Calls;
    }

    private static (Schema Schema, Counter Counter) CountingSchema()
    {
        var counter = new Counter();
        var schema = new SchemaBuilder()
            .Object("Node", n => n
                .Field("id", "Int", _ => Interlocked.Increment(ref counter.Calls))
                .Field("child", "Node", _ => Interlocked.Increment(ref counter.Calls) > 0 ? new object() : null)
                .Field("children", "[Node!]", f => f.Argument("first", "Int").Resolve(_ => Interlocked.Increment(ref counter.Calls) > 0 ? new[] { new object() } : null))
                .Field("expensive", "Int", f => f.Cost(50).Resolve(_ => Interlocked.Increment(ref counter.Calls))))
            .Object("Query", q => q.Field("node", "Node", _ => Interlocked.Increment(ref counter.Calls) > 0 ? new object() : null))
            .Build();
        return (schema, counter);
    }

    private static async Task<(string Json, int Calls)> Run(string query, GraphQLOptions options)
    {
        var (schema, counter) = CountingSchema();
        var result = await new GraphQLExecutor(schema, options).ExecuteAsync(new GraphQLRequest { Query = query });
        return (result.ToJson(), counter.Calls);
    }

    [Fact]
    public async Task Max_depth()
    {
        var (json, calls) = await Run("{ node { child { child { id } } } }", new GraphQLOptions { MaxDepth = 3 });
        Assert.Equal(
            "{\"errors\":[{\"message\":\"Query depth 4 exceeds the maximum allowed depth of 3.\",\"locations\":[{\"line\":1,\"column\":1}],\"extensions\":{\"code\":\"MAX_DEPTH_EXCEEDED\"}}]}",
            json);
        Assert.Equal(0, calls);
        var (allowed, allowedCalls) = await Run("{ node { child { id } } }", new GraphQLOptions { MaxDepth = 3 });
        Assert.Equal("{\"data\":{\"node\":{\"child\":{\"id\":3}}}}", allowed);
        Assert.Equal(3, allowedCalls);
    }

    [Fact]
    public async Task Max_depth_counts_fragments_expanded()
    {
        var (json, calls) = await Run("{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { id } }", new GraphQLOptions { MaxDepth = 3 });
        Assert.Contains("Query depth 4 exceeds the maximum allowed depth of 3.", json, StringComparison.Ordinal);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Max_cost_multiplies_by_list_sizes()
    {
        // node(1) + children(1) + 100 × (id(1) + expensive(50)) = 5,102
        var (json, calls) = await Run("{ node { children(first: 100) { id expensive } } }", new GraphQLOptions { MaxCost = 5_000 });
        Assert.Equal(
            "{\"errors\":[{\"message\":\"Query cost 5102 exceeds the maximum allowed cost of 5000.\",\"locations\":[{\"line\":1,\"column\":1}],\"extensions\":{\"code\":\"MAX_COST_EXCEEDED\"}}]}",
            json);
        Assert.Equal(0, calls);

        var (allowed, allowedCalls) = await Run("{ node { children(first: 10) { id expensive } } }", new GraphQLOptions { MaxCost = 5_000 });
        Assert.Equal("{\"data\":{\"node\":{\"children\":[{\"id\":3,\"expensive\":4}]}}}", allowed);
        Assert.Equal(4, allowedCalls);
    }

    [Fact]
    public async Task Max_aliases()
    {
        var (json, calls) = await Run("{ a: node { id } b: node { id } c: node { x: id } }", new GraphQLOptions { MaxAliases = 3 });
        Assert.Equal(
            "{\"errors\":[{\"message\":\"Query uses 4 aliases, more than the maximum of 3.\",\"locations\":[{\"line\":1,\"column\":1}],\"extensions\":{\"code\":\"MAX_ALIASES_EXCEEDED\"}}]}",
            json);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Max_tokens_is_enforced_by_the_parser()
    {
        var (json, calls) = await Run("{ node { id id id id } }", new GraphQLOptions { Parser = new ParserOptions { MaxTokens = 6 } });
        Assert.Equal(
            "{\"errors\":[{\"message\":\"Syntax Error: Document contains more that 6 tokens. Parsing aborted.\",\"locations\":[{\"line\":1,\"column\":19}]}]}",
            json);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Max_document_length_is_enforced_by_the_parser()
    {
        var (json, calls) = await Run("{ node { id } }" + new string(' ', 100), new GraphQLOptions { Parser = new ParserOptions { MaxLength = 50 } });
        Assert.Equal(
            "{\"errors\":[{\"message\":\"Syntax Error: Source contains more than 50 UTF-16 code units. Parsing aborted.\",\"locations\":[{\"line\":1,\"column\":51}]}]}",
            json);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Max_nesting_is_enforced_by_the_parser()
    {
        var (json, calls) = await Run("{ node { child { child { id } } } }", new GraphQLOptions { Parser = new ParserOptions { MaxDepth = 3 } });
        Assert.Equal(
            "{\"errors\":[{\"message\":\"Syntax Error: Document exceeds the maximum nesting depth of 3. Parsing aborted.\",\"locations\":[{\"line\":1,\"column\":24}]}]}",
            json);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Max_validation_errors_is_passed_to_the_validator()
    {
        var (schema, counter) = CountingSchema();
        var seenMax = -1;
        var executor = new GraphQLExecutor(schema, new GraphQLOptions { MaxValidationErrors = 2 }, (_, _, max) =>
        {
            seenMax = max;
            return [new GraphQLError("first"), new GraphQLError("second")];
        });

        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ node { id } }" });

        Assert.Equal("{\"errors\":[{\"message\":\"first\"},{\"message\":\"second\"}]}", result.ToJson());
        Assert.Equal(2, seenMax);
        Assert.Equal(0, counter.Calls);
    }

    [Theory]
    [InlineData(5, "a b c d e")]
    [InlineData(2, "a b")]
    public async Task Max_validation_errors_stops_the_real_validator_before_any_resolver(int max, string reported)
    {
        var (json, calls) = await Run("{ node { id } a b c d e f g }", new GraphQLOptions { MaxValidationErrors = max });

        var expected = reported.Split(' ')
            .Select((name, i) => $"{{\"message\":\"Cannot query field \\\"{name}\\\" on type \\\"Query\\\".\",\"locations\":[{{\"line\":1,\"column\":{15 + (2 * i)}}}]}}")
            .Append("{\"message\":\"Too many validation errors, error limit reached. Validation aborted.\"}");
        Assert.Equal("{\"errors\":[" + string.Join(",", expected) + "]}", json);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Zero_turns_the_validation_error_cap_and_the_timeout_off()
    {
        var (json, calls) = await Run("{ a b c d e f g }", new GraphQLOptions { MaxValidationErrors = 0 });
        Assert.Equal(7, System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("errors").GetArrayLength());
        Assert.DoesNotContain("Too many validation errors", json, StringComparison.Ordinal);
        Assert.Equal(0, calls);

        var (data, dataCalls) = await Run("{ node { id } }", new GraphQLOptions { Timeout = TimeSpan.Zero });
        Assert.Equal("{\"data\":{\"node\":{\"id\":2}}}", data);
        Assert.Equal(2, dataCalls);
    }
}
