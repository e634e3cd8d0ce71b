using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RfmGraph.GraphQL.Tests.Http;

/// <summary>GraphQL over HTTP (the GraphQL Foundation draft) as served by MapGraphQL on a real Kestrel server.</summary>
public sealed class GraphQLOverHttpTests(TestGraphQLServer server) : IClassFixture<TestGraphQLServer>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Fact]
    public async Task Post_with_application_json_executes_and_answers_json()
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsync("/graphql", Json("""{"query":"{ hello(name: \"Ada\") }"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("""{"data":{"hello":"Hello, Ada!"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Accepting_graphql_response_json_gets_that_media_type()
    {
        using var client = server.CreateClient();
        using var request = Post("""{"query":"{ hello }"}""", "application/graphql-response+json, application/json;q=0.9");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_higher_quality_for_application_json_wins()
    {
        using var client = server.CreateClient();
        using var request = Post("""{"query":"{ hello }"}""", "application/graphql-response+json;q=0.5, application/json");
        using var response = await client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("""{"query":"{"}""", "Syntax Error: Expected Name, found <EOF>.")]
    [InlineData("""{"query":"{ noSuchField }"}""", "Cannot query field \"noSuchField\" on type \"Query\".")]
    [InlineData("""{"query":"query ($n: Int!) { numbers(count: $n) }","variables":{"n":"x"}}""", "Variable \"$n\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\"")]
    public async Task Request_errors_are_400_without_data_under_graphql_response_json(string body, string message)
    {
        using var client = server.CreateClient();
        using var request = Post(body, GraphQLResponse);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("""{"errors":[{"message":""", text, StringComparison.Ordinal);
        Assert.Contains(message, FirstErrorMessage(text), StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"query":"{"}""")]
    [InlineData("""{"query":"{ noSuchField }"}""")]
    [InlineData("""{"query":"query ($n: Int!) { numbers(count: $n) }","variables":{"n":null}}""")]
    public async Task Request_errors_are_200_under_legacy_application_json(string body)
    {
        using var client = server.CreateClient();
        using var request = Post(body, "application/json");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("""{"errors":[""", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData("application/json")]
    public async Task A_field_error_that_nulls_data_is_still_200(string accept)
    {
        // numbers is [Int!]!: its resolver failing (Enumerable.Range rejects -1) makes data null. That is an
        // execution result, not a request error, so both media types answer 200 (GraphQL over HTTP, "data": null).
        using var client = server.CreateClient();
        using var request = Post("""{"query":"{ numbers(count: -1) }"}""", accept);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accept, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            """{"errors":[{"message":"Unexpected Execution Error","locations":[{"line":1,"column":3}],"path":["numbers"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_runs_queries_with_json_variables_in_the_query_string()
    {
        using var client = server.CreateClient();
        var query = Uri.EscapeDataString("query Numbers($n: Int!) { numbers(count: $n) }");
        var variables = Uri.EscapeDataString("""{"n":3}""");
        using var response = await client.GetAsync($"/graphql?query={query}&variables={variables}&operationName=Numbers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"numbers":[1,2,3]}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mutations_over_get_are_405_with_allow_post()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"/graphql?query={Uri.EscapeDataString("mutation { echo(text: \"x\") }")}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Contains("Only query operations", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutations_over_post_run()
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsync("/graphql", Json("""{"query":"mutation { echo(text: \"saved\") }"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"echo":"saved"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Other_methods_are_405_with_allow_get_and_post()
    {
        using var client = server.CreateClient();
        using var response = await client.PutAsync("/graphql", Json("""{"query":"{ hello }"}"""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_accept_header_without_a_json_type_is_406()
    {
        using var client = server.CreateClient();
        using var request = Post("""{"query":"{ hello }"}""", "text/plain");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task A_body_that_is_not_utf8_json_is_415(string contentType)
    {
        using var client = server.CreateClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"query":"{ hello }"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await client.PostAsync("/graphql", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        using var client = server.CreateClient();
        var padding = new string(' ', (int)TestGraphQLServer.MaxBodySize);
        using var response = await client.PostAsync("/graphql", Json("{\"query\":\"{ hello }\"" + padding + "}"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than 4096 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_too()
    {
        using var client = server.CreateClient();
        var body = Encoding.UTF8.GetBytes("{\"query\":\"{ hello }\"" + new string(' ', 10_000) + "}");
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "not a JSON""", "The request body is not valid JSON")]
    [InlineData("", "The request body is empty")]
    [InlineData("""["query"]""", "must be a JSON object")]
    [InlineData("""{"qeury":"{ hello }"}""", "must have a \"query\" parameter")]
    [InlineData("""{"query":0}""", "The \"query\" parameter must be a string.")]
    [InlineData("""{"query":"{ hello }","variables":"x"}""", "The \"variables\" parameter must be a JSON object or null.")]
    [InlineData("""{"query":"{ hello }","operationName":false}""", "The \"operationName\" parameter must be a string or null.")]
    [InlineData("""{"query":"{ hello }","extensions":[1]}""", "The \"extensions\" parameter must be a JSON object or null.")]
    public async Task Malformed_requests_are_400_with_a_graphql_error_body(string body, string message)
    {
        using var client = server.CreateClient();
        using var request = Post(body, "application/json");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("""{"errors":[{"message":""", text, StringComparison.Ordinal);
        Assert.Contains(message, FirstErrorMessage(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_optional_parameters_are_accepted()
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsync("/graphql", Json("""{"query":"{ hello }","variables":null,"operationName":null,"extensions":null}"""));
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Operations_need_credentials_and_resolvers_see_the_user()
    {
        using var anonymous = server.CreateClient(authenticated: false);
        using var refused = await anonymous.PostAsync("/graphql", Json("""{"query":"{ hello }"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var schemaRefused = await anonymous.GetAsync("/graphql/schema.graphql");
        Assert.Equal(HttpStatusCode.Unauthorized, schemaRefused.StatusCode);

        using var client = server.CreateClient();
        using var response = await client.PostAsync("/graphql", Json("""{"query":"{ viewer }"}"""));
        Assert.Equal("""{"data":{"viewer":"http-user"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_sdl_is_served_as_text()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/graphql/schema.graphql");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Contains("type Query {\n  hello(name: String): String!", sdl, StringComparison.Ordinal);
        Assert.Contains("type Subscription {", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browsers_get_the_graphiql_page_without_credentials()
    {
        using var anonymous = server.CreateClient(authenticated: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("/graphql/graphiql/graphiql.min.js", html, StringComparison.Ordinal);
        Assert.Contains("isHeadersEditorEnabled: true", html, StringComparison.Ordinal);

        using var script = await anonymous.GetAsync("/graphql/graphiql/graphiql.min.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
        using var unknown = await anonymous.GetAsync("/graphql/graphiql/..%2Fsecrets.json");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Large_results_stream_out_whole()
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsync("/graphql", Json("""{"query":"{ a: numbers(count: 50000) }"}"""));
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("""{"data":{"a":[1,2,3,""", text, StringComparison.Ordinal);
        Assert.EndsWith(",49999,50000]}}", text, StringComparison.Ordinal);
    }

    private static string FirstErrorMessage(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("errors")[0].GetProperty("message").GetString()!;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Post(string body, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }
}
