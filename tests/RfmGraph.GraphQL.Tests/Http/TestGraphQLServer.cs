using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Http;
using RfmGraph.GraphQL.Subscriptions;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Validation;
using RfmGraph.GraphQL.WebSockets;

namespace RfmGraph.GraphQL.Tests.Http;

/// <summary>
/// A real Kestrel server on a free loopback port serving a small schema through <c>MapGraphQL</c>, with a header
/// authentication scheme behind a fallback policy (like the Host) and a connection_init credentials hook.
/// </summary>
public sealed class TestGraphQLServer : IAsyncLifetime
{
    public const string GoodToken = "good-token";
    public const long MaxBodySize = 4096;

    /// <summary>Below the session's first 4 KiB receive buffer and not a power of two, so the limit is exact.</summary>
    public const int MaxSocketMessageSize = 3000;

    public const int MaxSocketOperations = 3;

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri WebSocketAddress => new($"ws://{BaseAddress.Authority}/graphql");

    public InProcessTopicEventStream Topics { get; } = new(new TopicEventStreamOptions { SubscriberCapacity = 16 });

    public FloodProbe Flood { get; } = new();

    /// <summary>The server's ping interval; off by default so the other tests see only the messages they expect.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// How long a socket may wait before connection_init (4408 after). Generous by default: every test that
    /// connects and then sends connection_init races this timer, and a busy CI machine (the whole suite at once on
    /// two cores) can take seconds between the two. The 4408 test starts its own server with a short value.
    /// </summary>
    public TimeSpan ConnectionInitTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ITopicEventStream>(Topics);
        builder.Services.AddSingleton<IGraphQLConnectionInitializer, TokenConnectionInitializer>();
        builder.Services.AddSingleton(provider => new GraphQLExecutor(
            BuildSchema(),
            GraphQLOptions.Default,
            (schema, document, maxErrors) => DocumentValidator.Validate(schema, document, maxErrors: maxErrors)));
        builder.Services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());

        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.UseWebSockets();
        _app.MapGraphQL("/graphql", options =>
        {
            options.MaxRequestBodySize = MaxBodySize;
            options.WebSockets.ConnectionInitTimeout = ConnectionInitTimeout;
            options.WebSockets.KeepAliveInterval = KeepAliveInterval;
            options.WebSockets.MaxPendingMessages = 4;
            options.WebSockets.SlowClientTimeout = TimeSpan.FromMilliseconds(300);
            options.WebSockets.MaxMessageSize = MaxSocketMessageSize;
            options.WebSockets.MaxOperations = MaxSocketOperations;
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>A client whose requests carry valid credentials unless <paramref name="authenticated"/> is false.</summary>
    public HttpClient CreateClient(bool authenticated = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", GoodToken);
        }
        return client;
    }

    private Schema BuildSchema()
    {
        var builder = new SchemaBuilder();
        builder.Object<object>("Query", query => query
            .Field("hello", "String!", field => field
                .Argument("name", "String")
                .Resolve((_, context) => $"Hello, {context.ArgumentOrDefault<string?>("name", null) ?? "world"}!"))
            .Field("viewer", "String", field => field.Resolve((_, context) => context.Request.User.Identity?.Name))
            .Field("numbers", "[Int!]!", field => field
                .Argument("count", "Int!")
                .Resolve((_, context) => Enumerable.Range(1, context.Argument<int>("count")).ToArray())));
        builder.Object<object>("Mutation", mutation => mutation
            .Field("echo", "String!", field => field.Argument("text", "String!").Resolve((_, context) => context.Argument<string>("text"))));
        builder.Object<object>("Subscription", subscription => subscription
            .Field("messages", "String!", field => field
                .Argument("topic", "String!")
                .Subscribe(context => Topics.SubscribeAsync<string>(context.Argument<string>("topic"), context.CancellationToken)))
            .Field("countdown", "Int!", field => field
                .Argument("from", "Int!")
                .Subscribe(context => Countdown(context.Argument<int>("from"), context.CancellationToken)))
            .Field("flood", "String!", field => field
                .Argument("size", "Int!")
                .Subscribe(context => Flood.RunAsync(context.Argument<int>("size"), context.CancellationToken))));
        return builder.Build();
    }

    private static async IAsyncEnumerable<int> Countdown(int from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = from; i > 0; i--)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    /// <summary>An endless fast stream of large events; records how many it produced and when it was stopped.</summary>
    public sealed class FloodProbe
    {
        private int _produced;

        public int Produced => Volatile.Read(ref _produced);

        public TaskCompletionSource Stopped { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Reset()
        {
            Volatile.Write(ref _produced, 0);
            Stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public async IAsyncEnumerable<string> RunAsync(int size, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var payload = new string('x', size);
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _produced);
                    yield return payload;
                    await Task.Yield();
                }
            }
            finally
            {
                Stopped.TrySetResult();
            }
        }
    }

    /// <summary>Accepts <c>{"token": "good-token"}</c> in connection_init.</summary>
    private sealed class TokenConnectionInitializer : IGraphQLConnectionInitializer
    {
        public ValueTask<ClaimsPrincipal?> AuthenticateAsync(HttpContext upgradeRequest, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken) =>
            ValueTask.FromResult(payload is not null && payload.TryGetValue("token", out var token) && token as string == GoodToken
                ? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "socket-user")], "token"))
                : null);

        public ValueTask InitializeOperationScopeAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    /// <summary><c>Authorization: Token good-token</c>.</summary>
    private sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Token";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (string.IsNullOrEmpty(header))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            if (header != $"Token {GoodToken}")
            {
                return Task.FromResult(AuthenticateResult.Fail("bad token"));
            }
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "http-user")], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
