using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.WebSockets;

namespace RfmGraph.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL Foundation's draft "GraphQL over HTTP"): POST with application/json, GET for
/// queries, response media type by Accept with the spec's status codes, and the WebSocket upgrade on the same path.
/// </summary>
internal sealed partial class GraphQLHttpHandler(
    Func<IServiceProvider, GraphQLExecutor> executorFactory,
    GraphQLHttpOptions options,
    GraphiQLPage page,
    ILogger logger)
{
    private GraphQLExecutor? _executor;

    public GraphQLExecutor Executor(IServiceProvider services) => _executor ??= executorFactory(services);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method))
        {
            if (context.WebSockets.IsWebSocketRequest)
            {
                await GraphQLWebSocketEndpoint.AcceptAsync(context, Executor(context.RequestServices), options, logger).ConfigureAwait(false);
                return;
            }
            if (options.EnableGraphiQL && !request.Query.ContainsKey("query") && AcceptNegotiation.PrefersHtml(request.Headers.Accept))
            {
                await page.WriteAsync(context).ConfigureAwait(false);
                return;
            }
        }
        else if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = options.EnableGetRequests ? "GET, POST" : "POST";
            await GraphQLResponseWriter.WriteErrorAsync(context.Response, StatusCodes.Status405MethodNotAllowed, ResponseMediaType.Json,
                $"GraphQL over HTTP accepts {(options.EnableGetRequests ? "GET and POST" : "POST")}, not {request.Method}.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!await AuthorizeAsync(context, options.AuthorizationPolicy).ConfigureAwait(false))
        {
            return;
        }

        var mediaType = AcceptNegotiation.Negotiate(request.Headers.Accept);
        if (mediaType == ResponseMediaType.None)
        {
            await GraphQLResponseWriter.WriteErrorAsync(context.Response, StatusCodes.Status406NotAcceptable, ResponseMediaType.Json,
                "The Accept header allows neither application/graphql-response+json nor application/json.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var isGet = HttpMethods.IsGet(request.Method);
        GraphQLRequest? graphQLRequest;
        HttpRequestError? error;
        if (isGet)
        {
            if (!options.EnableGetRequests)
            {
                context.Response.Headers.Allow = "POST";
                await GraphQLResponseWriter.WriteErrorAsync(context.Response, StatusCodes.Status405MethodNotAllowed, mediaType, "GraphQL requests must use POST.", context.RequestAborted).ConfigureAwait(false);
                return;
            }
            (graphQLRequest, error) = GraphQLRequestReader.ReadQueryString(request.Query);
        }
        else if (!IsJsonContent(request.ContentType))
        {
            (graphQLRequest, error) = (null, new HttpRequestError(StatusCodes.Status415UnsupportedMediaType,
                "A GraphQL POST body must be application/json (UTF-8)."));
        }
        else
        {
            (graphQLRequest, error) = await GraphQLRequestReader.ReadPostAsync(request, options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
        }

        if (error is not null)
        {
            LogRejected(logger, error.StatusCode, error.Message, TraceId(context));
            await GraphQLResponseWriter.WriteErrorAsync(context.Response, error.StatusCode, mediaType, error.Message, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var executor = Executor(context.RequestServices);
        if (isGet && IsNotQuery(graphQLRequest!, executor))
        {
            context.Response.Headers.Allow = "POST";
            await GraphQLResponseWriter.WriteErrorAsync(context.Response, StatusCodes.Status405MethodNotAllowed, mediaType,
                "Only query operations can be sent with GET; send mutations and subscriptions with POST.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var requestContext = new RequestContext(context.RequestServices, context.User, TraceId(context));
        var result = await executor.ExecuteAsync(graphQLRequest!, requestContext, context.RequestAborted).ConfigureAwait(false);
        // A request error (no data entry: syntax, validation, variables, limits) is 400 under the new media type;
        // legacy application/json clients get 200 with the errors, as the spec's watershed rules say.
        var status = !result.HasData && mediaType == ResponseMediaType.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        await GraphQLResponseWriter.WriteResultAsync(context.Response, status, mediaType, result, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies <paramref name="policyName"/>, or the application's fallback policy, the way the authorization middleware
    /// would; the endpoint itself is anonymous because the GraphiQL page and the WebSocket upgrade (credentials come in
    /// connection_init) share its path. Writes the challenge (401) or 403 and returns false when not allowed.
    /// </summary>
    internal static async Task<bool> AuthorizeAsync(HttpContext context, string? policyName)
    {
        var provider = context.RequestServices.GetService<IAuthorizationPolicyProvider>();
        var evaluator = context.RequestServices.GetService<IPolicyEvaluator>();
        if (provider is null || evaluator is null)
        {
            return true;
        }
        var policy = policyName is null
            ? await provider.GetFallbackPolicyAsync().ConfigureAwait(false)
            : await provider.GetPolicyAsync(policyName).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The GraphQL endpoint's authorization policy \"{policyName}\" is not registered.");
        if (policy is null)
        {
            return true;
        }
        var authentication = await evaluator.AuthenticateAsync(policy, context).ConfigureAwait(false);
        var authorization = await evaluator.AuthorizeAsync(policy, authentication, context, resource: null).ConfigureAwait(false);
        if (authorization.Succeeded)
        {
            return true;
        }
        if (authorization.Challenged)
        {
            if (policy.AuthenticationSchemes.Count > 0)
            {
                foreach (var scheme in policy.AuthenticationSchemes)
                {
                    await context.ChallengeAsync(scheme).ConfigureAwait(false);
                }
            }
            else
            {
                await context.ChallengeAsync().ConfigureAwait(false);
            }
        }
        else if (policy.AuthenticationSchemes.Count > 0)
        {
            foreach (var scheme in policy.AuthenticationSchemes)
            {
                await context.ForbidAsync(scheme).ConfigureAwait(false);
            }
        }
        else
        {
            await context.ForbidAsync().ConfigureAwait(false);
        }
        return false;
    }

    internal static string TraceId(HttpContext context) => Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;

    private static bool IsJsonContent(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)
            || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }
        var charsetOk = !parsed.Charset.HasValue
            || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || parsed.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
        return charsetOk && (parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || parsed.MediaType.Equals("application/graphql+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether a GET names a mutation or subscription. A document that does not parse, or whose operation cannot be
    /// chosen, is left to the engine, which reports it with the usual errors.
    /// </summary>
    private static bool IsNotQuery(GraphQLRequest request, GraphQLExecutor executor)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(request.Query, executor.Options.Parser);
        }
        catch (GraphQLSyntaxException)
        {
            return false;
        }
        OperationDefinitionNode? chosen = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }
            if (request.OperationName is null)
            {
                if (chosen is not null)
                {
                    return false;
                }
                chosen = operation;
            }
            else if (operation.Name?.Value == request.OperationName)
            {
                chosen = operation;
            }
        }
        return chosen is not null && chosen.Operation != OperationType.Query;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "GraphQL request rejected with {StatusCode}: {Reason} (trace {TraceId})")]
    private static partial void LogRejected(ILogger logger, int statusCode, string reason, string traceId);
}
