using System.Security.Claims;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Execution;

/// <summary>
/// GraphQLOptions.AuthorizeField: asked for every selected field before any resolver runs; one denial fails
/// the request with FORBIDDEN errors carrying the response path, and nothing is resolved.
/// </summary>
public sealed class FieldAuthorizationTests
{
    private sealed class Counter
    {
        public int Calls;
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private static (Schema Schema, Counter Counter) CountingSchema()
    {
        var counter = new Counter();
        var schema = new SchemaBuilder()
            .Object("Account", a => a
                .Field("name", "String", _ => Interlocked.Increment(ref counter.Calls) > 0 ? "n" : null)
                .Field("secret", "String", f => f.Metadata("needs", "boss").Resolve(_ => Interlocked.Increment(ref counter.Calls) > 0 ? "s" : null)))
            .Object("Query", q => q.Field("account", "Account", _ => Interlocked.Increment(ref counter.Calls) > 0 ? new object() : null))
            .Object("Mutation", m => m
                .Field("touch", "Int", _ => Interlocked.Increment(ref counter.Calls))
                .Field("wipe", "Int", f => f.Metadata("needs", "boss").Resolve(_ => Interlocked.Increment(ref counter.Calls))))
            .Build();
        return (schema, counter);
    }

    /// <summary>Denies fields whose "needs" metadata names a role the user does not have.</summary>
    private static string? ByMetadata(NamedType parent, FieldDefinition field, RequestContext request) =>
        field.HasMetadata && field.Metadata.TryGetValue("needs", out var role) && role is string needed && !request.User.IsInRole(needed)
            ? $"{parent.Name}.{field.Name} needs {needed}."
            : null;

    private static async Task<(string Json, int Calls)> Run(string query, string role, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var (schema, counter) = CountingSchema();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", role)], "test", "sub", "role"));
        var result = await new GraphQLExecutor(schema, new GraphQLOptions { AuthorizeField = ByMetadata })
            .ExecuteAsync(new GraphQLRequest { Query = query, Variables = variables }, new RequestContext(new NoServices(), user));
        return (result.ToJson(), counter.Calls);
    }

    [Fact]
    public async Task A_denied_nested_field_fails_the_request_with_its_path_before_any_resolver()
    {
        var (json, calls) = await Run("{ account { name mine: secret } }", "clerk");

        Assert.Equal(
            "{\"errors\":[{\"message\":\"Account.secret needs boss.\",\"locations\":[{\"line\":1,\"column\":18}],\"path\":[\"account\",\"mine\"],\"extensions\":{\"code\":\"FORBIDDEN\"}}]}",
            json);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task An_allowed_caller_gets_the_data()
    {
        var (json, calls) = await Run("{ account { name secret } }", "boss");

        Assert.Equal("{\"data\":{\"account\":{\"name\":\"n\",\"secret\":\"s\"}}}", json);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_denied_mutation_field_stops_the_allowed_ones_too()
    {
        var (json, calls) = await Run("mutation { touch ...W } fragment W on Mutation { wipe again: wipe }", "clerk");

        Assert.Equal(
            "{\"errors\":[" +
            "{\"message\":\"Mutation.wipe needs boss.\",\"locations\":[{\"line\":1,\"column\":50}],\"path\":[\"wipe\"],\"extensions\":{\"code\":\"FORBIDDEN\"}}," +
            "{\"message\":\"Mutation.wipe needs boss.\",\"locations\":[{\"line\":1,\"column\":55}],\"path\":[\"again\"],\"extensions\":{\"code\":\"FORBIDDEN\"}}]}",
            json);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_denied_field_behind_skip_is_still_denied()
    {
        var (json, calls) = await Run(
            "query($hide: Boolean!) { account { name secret @skip(if: $hide) } }",
            "clerk",
            new Dictionary<string, object?> { ["hide"] = true });

        Assert.Contains("\"code\":\"FORBIDDEN\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", json, StringComparison.Ordinal);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Without_an_authorizer_nothing_is_checked()
    {
        var (schema, counter) = CountingSchema();

        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest { Query = "mutation { wipe }" });

        Assert.Equal("{\"data\":{\"wipe\":1}}", result.ToJson());
        Assert.Equal(1, counter.Calls);
    }
}
