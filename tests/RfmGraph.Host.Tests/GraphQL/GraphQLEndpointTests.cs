using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using RfmGraph.Host.Tests.Support;

namespace RfmGraph.Host.Tests.GraphQL;

/// <summary>The Host's /graphql: credentials on HTTP and in connection_init, tenancy in resolvers, the dev-only ticks.</summary>
public sealed class GraphQLEndpointTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string ViewerQuery = """{"query":"{ viewer { subject business role authenticatedWith } }"}""";

    /// <summary>Bounds a connect or receive that never completes; generous because only a failure waits this long.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Operations_without_credentials_answer_401()
    {
        using var client = host.Factory.CreateClient();
        using var response = await client.PostAsync("/graphql", Json(ViewerQuery));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_runs_queries_for_its_business()
    {
        using var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Create(business: "globex", role: "analyst"));
        using var response = await client.PostAsync("/graphql", Json(ViewerQuery));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"data":{"viewer":{"subject":"user-1","business":"globex","role":"analyst","authenticatedWith":"jwt"}}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_graphiql_page_is_anonymous()
    {
        using var client = host.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>GraphiQL</title>", html, StringComparison.Ordinal);
        Assert.Contains("paste the development token", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_testing_schema_has_the_ticks_subscription()
    {
        using var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Create());
        var sdl = await client.GetStringAsync("/graphql/schema.graphql");
        Assert.Contains("ticks(count: Int!, intervalMs: Int! = 0): Int!", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_socket_with_a_token_in_connection_init_gets_ticks_and_acts_for_its_business()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, $$$"""{"type":"connection_init","payload":{"authorization":"Bearer {{{Tokens.Create(business: "acme")}}}"}}""");
        Assert.Equal("""{"type":"connection_ack"}""", await ReceiveAsync(socket));

        await SendAsync(socket, """{"id":"1","type":"subscribe","payload":{"query":"subscription { ticks(count: 2) }"}}""");
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"ticks":1}}}""", await ReceiveAsync(socket));
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"ticks":2}}}""", await ReceiveAsync(socket));
        Assert.Equal("""{"id":"1","type":"complete"}""", await ReceiveAsync(socket));

        await SendAsync(socket, """{"id":"2","type":"subscribe","payload":{"query":"{ viewer { business } }"}}""");
        Assert.Equal("""{"id":"2","type":"next","payload":{"data":{"viewer":{"business":"acme"}}}}""", await ReceiveAsync(socket));
        Assert.Equal("""{"id":"2","type":"complete"}""", await ReceiveAsync(socket));
    }

    [Theory]
    [InlineData("""{"authorization":"Bearer not-a-token"}""")]
    [InlineData("""{"apiKey":"rfm_not_a_real_key"}""")]
    [InlineData("""{}""")]
    public async Task Bad_socket_credentials_close_with_4403(string payload)
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, $$"""{"type":"connection_init","payload":{{payload}}}""");
        Assert.Null(await ReceiveAsync(socket));
        Assert.Equal(4403, (int)socket.CloseStatus!.Value);
    }

    private async Task<WebSocket> ConnectAsync()
    {
        var client = host.Factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        using var timeout = new CancellationTokenSource(Patience);
        return await client.ConnectAsync(new Uri(host.Factory.Server.BaseAddress, "graphql"), timeout.Token);
    }

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<string?> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
