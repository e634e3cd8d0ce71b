using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Execution;

/// <summary>Validates a document against a schema (the validation rules), returning at most <paramref name="maxErrors"/> errors.</summary>
public delegate IReadOnlyList<GraphQLError> DocumentValidation(Schema schema, DocumentNode document, int maxErrors);

/// <summary>
/// The engine's entry point: parse (cached by document text) → validate → select operation → coerce variables →
/// check limits → execute. One instance per schema; thread-safe; reuse it for every request.
/// </summary>
public sealed partial class GraphQLExecutor
{
    private readonly ConcurrentDictionary<string, PreparedDocument> _documents = new(StringComparer.Ordinal);
    private readonly DocumentValidation _validate;
    private readonly ILogger _logger;

    /// <summary>Creates an executor for <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="options">Limits and behaviour; <see cref="GraphQLOptions.Default"/> when null.</param>
    /// <param name="validate">
    /// The document validation; null means the spec's rules (<see cref="StandardValidation"/>). Pass
    /// <see cref="NoValidation"/> only for trusted documents.
    /// </param>
    /// <param name="logger">Where unexpected resolver errors are logged with the request's trace id.</param>
    public GraphQLExecutor(Schema schema, GraphQLOptions? options = null, DocumentValidation? validate = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Options = options ?? GraphQLOptions.Default;
        _validate = validate ?? StandardValidation;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Every validation rule of the spec (plus graphql-js's MaxIntrospectionDepth), capped at maxErrors.</summary>
    public static DocumentValidation StandardValidation { get; } =
        (schema, document, maxErrors) => Validation.DocumentValidator.Validate(schema, document, null, maxErrors);

    /// <summary>Skips validation (for documents the application itself wrote and tested).</summary>
    public static DocumentValidation NoValidation { get; } = (_, _, _) => [];

    /// <summary>The schema.</summary>
    public Schema Schema { get; }

    /// <summary>The options.</summary>
    public GraphQLOptions Options { get; }

    /// <summary>Executes a query or mutation (a subscription operation runs its root field once).</summary>
    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = Prepare(request, context, out var failure);
        if (prepared is null)
        {
            return failure!;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Options.Timeout > TimeSpan.Zero)
        {
            // Zero or negative means no timeout (CancelAfter would cancel at once, or throw).
            timeout.CancelAfter(Options.Timeout);
        }
        var execution = new ExecutionContext(
            Schema, prepared.Value.Fragments, prepared.Value.Operation, prepared.Value.Variables, prepared.Value.Request, Options, _logger, timeout.Token);
        var executor = new OperationExecutor(execution);
        object? data;
        var scheduler = new RequestScheduler();
        try
        {
            data = await scheduler.RunAsync(() => executor.ExecuteOperationAsync(request.RootValue), execution.Request, timeout.Token).ConfigureAwait(false);
        }
        catch (GraphQLException error)
        {
            // Operation-level execution errors (e.g. no root type for the operation): data is null.
            return new ExecutionResult(null, true, error.Errors, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            LogTimeout(_logger, Options.Timeout.TotalMilliseconds, execution.Request.TraceId);
            var errors = new List<GraphQLError>(execution.Errors)
            {
                new($"Request timed out after {Options.Timeout.TotalMilliseconds} ms.", extensions: OperationExecutor.CodeExtension("TIMEOUT")),
            };
            return new ExecutionResult(null, true, errors, execution.Request.TakeResponseExtensions());
        }
        finally
        {
            // After the errors were copied above: the unwinding execution keeps adding "cancelled" errors.
            scheduler.Abandon(execution.Request);
        }
        return new ExecutionResult(data, true, execution.Errors, execution.Request.TakeResponseExtensions());
    }

    /// <summary>
    /// Subscribes (spec §6.2.3): validates, creates the source stream of the single root field, and maps each
    /// event through the selection set. Returns a request error result instead of a stream when that fails.
    /// </summary>
    public async Task<SubscriptionResult> SubscribeAsync(GraphQLRequest request, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = Prepare(request, context, out var failure);
        if (prepared is null)
        {
            return new SubscriptionResult(failure!, null);
        }
        var (operation, fragments, variables, requestContext) = prepared.Value;
        var rootType = Schema.SubscriptionType;
        if (operation.Operation != OperationType.Subscription || rootType is null)
        {
            var result = await ExecuteAsync(request, context, cancellationToken).ConfigureAwait(false);
            return new SubscriptionResult(result, null);
        }
        var execution = new ExecutionContext(Schema, fragments, operation, variables, requestContext, Options, _logger, cancellationToken);
        var executor = new OperationExecutor(execution);
        var plan = executor.PlanRoot(rootType);
        var entry = plan.Entries.FirstOrDefault(e => e.Definition is not null);
        if (entry is null)
        {
            return new SubscriptionResult(ExecutionResult.FromErrors([new GraphQLError("Subscription has no root field.", [operation])]), null);
        }
        IAsyncEnumerable<object?> source;
        try
        {
            var resolverContext = executor.CreateContext(rootType, request.RootValue, entry, new ResponsePath(null, entry.ResponseKey));
            var subscriber = entry.Definition!.Subscriber
                ?? throw new GraphQLException(new GraphQLError($"Subscription field \"{entry.Definition.Name}\" has no event stream.", entry.Nodes));
            source = await subscriber(resolverContext).ConfigureAwait(false);
        }
        catch (GraphQLException error)
        {
            var located = error.Errors.Select(e => e.Nodes.Count > 0 ? e : new GraphQLError(e.Message, entry.Nodes, [entry.ResponseKey], e.Extensions)).ToList();
            return new SubscriptionResult(ExecutionResult.FromErrors(located), null);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogSubscribeFailed(_logger, error, requestContext.TraceId);
            var message = Options.MaskUnexpectedErrors ? "Unexpected Execution Error" : error.Message;
            return new SubscriptionResult(
                ExecutionResult.FromErrors([new GraphQLError(message, entry.Nodes, [entry.ResponseKey], OperationExecutor.CodeExtension("INTERNAL_SERVER_ERROR"))]),
                null);
        }
        return new SubscriptionResult(null, MapEvents(source, request, requestContext, cancellationToken));
    }

    private async IAsyncEnumerable<ExecutionResult> MapEvents(
        IAsyncEnumerable<object?> source,
        GraphQLRequest request,
        RequestContext context,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var payload in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return await ExecuteAsync(
                new GraphQLRequest { Query = request.Query, OperationName = request.OperationName, Variables = request.Variables, RootValue = payload },
                context,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private (OperationDefinitionNode Operation, IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments, IReadOnlyDictionary<string, object?> Variables, RequestContext Request)?
        Prepare(GraphQLRequest request, RequestContext? context, out ExecutionResult? failure)
    {
        failure = null;
        var document = GetDocument(request.Query);
        if (document.Errors.Count > 0)
        {
            failure = ExecutionResult.FromErrors(document.Errors);
            return null;
        }
        OperationDefinitionNode? operation = null;
        foreach (var candidate in document.Operations)
        {
            if (request.OperationName is null)
            {
                if (operation is not null)
                {
                    failure = ExecutionResult.FromErrors([new GraphQLError("Must provide operation name if query contains multiple operations.")]);
                    return null;
                }
                operation = candidate;
            }
            else if (candidate.Name?.Value == request.OperationName)
            {
                operation = candidate;
            }
        }
        if (operation is null)
        {
            failure = ExecutionResult.FromErrors([new GraphQLError(request.OperationName is null ? "Must provide an operation." : $"Unknown operation named \"{request.OperationName}\".")]);
            return null;
        }
        var errors = new List<GraphQLError>();
        IReadOnlyDictionary<string, object?> variables;
        try
        {
            variables = ArgumentValues.CoerceVariables(Schema, operation.VariableDefinitions, request.Variables, errors);
        }
        catch (GraphQLException tooMany)
        {
            errors.AddRange(tooMany.Errors);
            variables = new Dictionary<string, object?>();
        }
        if (errors.Count > 0)
        {
            failure = ExecutionResult.FromErrors(errors);
            return null;
        }
        if (OperationLimits.Check(Schema, operation, document.Fragments, variables, Options) is { } limit)
        {
            failure = ExecutionResult.FromErrors([limit]);
            return null;
        }
        var requestContext = context ?? new RequestContext(EmptyServices.Instance);
        if (Options.AuthorizeField is { } authorize
            && FieldAuthorization.Check(Schema, operation, document.Fragments, requestContext, authorize) is { Count: > 0 } denied)
        {
            failure = ExecutionResult.FromErrors(denied);
            return null;
        }
        return (operation, document.Fragments, variables, requestContext);
    }

    private PreparedDocument GetDocument(string query)
    {
        if (_documents.TryGetValue(query, out var cached))
        {
            return cached;
        }
        var prepared = PreparedDocument.Create(Schema, query, Options, _validate);
        if (_documents.Count >= Options.DocumentCacheSize)
        {
            // A simple bound: a full cache is dropped wholesale (hot documents come back on their next request).
            _documents.Clear();
        }
        if (Options.DocumentCacheSize > 0)
        {
            _documents.TryAdd(query, prepared);
        }
        return prepared;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL request timed out after {TimeoutMs} ms (trace {TraceId})")]
    private static partial void LogTimeout(ILogger logger, double timeoutMs, string? traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Creating a subscription stream failed (trace {TraceId})")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception error, string? traceId);

    /// <summary>A parsed and validated document (or its errors), shared by every request with the same text.</summary>
    private sealed class PreparedDocument
    {
        public required IReadOnlyList<GraphQLError> Errors { get; init; }

        public IReadOnlyList<OperationDefinitionNode> Operations { get; init; } = [];

        public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; init; } = new Dictionary<string, FragmentDefinitionNode>();

        public static PreparedDocument Create(Schema schema, string query, GraphQLOptions options, DocumentValidation validate)
        {
            DocumentNode document;
            try
            {
                document = Parser.Parse(query, options.Parser);
            }
            catch (GraphQLSyntaxException syntax)
            {
                return new PreparedDocument { Errors = [syntax.Error] };
            }
            var operations = new List<OperationDefinitionNode>();
            var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in document.Definitions)
            {
                switch (definition)
                {
                    case OperationDefinitionNode operation:
                        operations.Add(operation);
                        break;
                    case FragmentDefinitionNode fragment:
                        fragments.TryAdd(fragment.Name.Value, fragment);
                        break;
                }
            }
            // Depth, aliases and the introspection switch are checked before validation: a hostile document is
            // turned away before the validator spends any time on it.
            foreach (var operation in operations)
            {
                if (OperationLimits.CheckShape(schema, operation, fragments, options) is { } limit)
                {
                    return new PreparedDocument { Errors = [limit] };
                }
            }
            // 0 or less turns the cap off, like every other numeric limit (the validator itself rejects negatives).
            var errors = validate(schema, document, options.MaxValidationErrors > 0 ? options.MaxValidationErrors : int.MaxValue);
            if (errors.Count > 0)
            {
                return new PreparedDocument { Errors = errors };
            }
            return new PreparedDocument { Errors = [], Operations = operations, Fragments = fragments };
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}

/// <summary>The outcome of subscribing: either a request error or a stream of results (one per event).</summary>
/// <param name="Error">The error result when the subscription could not start.</param>
/// <param name="Stream">The mapped event stream.</param>
public sealed record SubscriptionResult(ExecutionResult? Error, IAsyncEnumerable<ExecutionResult>? Stream);
