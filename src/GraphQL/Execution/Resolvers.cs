using System.Security.Claims;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Execution;

/// <summary>Resolves a field's value. Synchronous resolvers complete the ValueTask immediately (no allocation).</summary>
public delegate ValueTask<object?> FieldResolver(IResolverContext context);

/// <summary>Produces the source event stream of a subscription root field (spec §6.2.3.1).</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionResolver(IResolverContext context);

/// <summary>
/// Wraps a resolver (logging, authorization, projections, DataLoader batching...). Middleware is applied
/// once, when the schema is built, so it costs nothing per request beyond the calls themselves.
/// </summary>
public delegate FieldResolver FieldMiddleware(FieldDefinition field, FieldResolver next);

/// <summary>What a resolver knows about the field being resolved and the request it belongs to.</summary>
public interface IResolverContext
{
    /// <summary>The parent value (the object this field is resolved on).</summary>
    object? Source { get; }

    /// <summary>The field's definition.</summary>
    FieldDefinition Field { get; }

    /// <summary>The object type the field is resolved on.</summary>
    ObjectType ParentType { get; }

    /// <summary>The field's AST nodes (several when the same response key is selected more than once).</summary>
    IReadOnlyList<FieldNode> FieldNodes { get; }

    /// <summary>The coerced argument values (absent optional arguments without defaults are missing).</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The request this field belongs to (user, services, items, data loaders).</summary>
    RequestContext Request { get; }

    /// <summary>The request's services (scoped to the request).</summary>
    IServiceProvider Services { get; }

    /// <summary>Cancelled when the client goes away or the request times out.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>The schema being executed.</summary>
    Schema Schema { get; }

    /// <summary>The operation being executed.</summary>
    OperationDefinitionNode Operation { get; }

    /// <summary>The coerced variable values.</summary>
    IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>The response path of this field (names and list indices).</summary>
    IReadOnlyList<object> Path { get; }

    /// <summary>Reads an argument converted to <typeparamref name="T"/> (numbers widen, input objects map onto classes/records).</summary>
    T Argument<T>(string name);

    /// <summary>Reads an argument or returns <paramref name="defaultValue"/> when it was not given.</summary>
    T ArgumentOrDefault<T>(string name, T defaultValue);

    /// <summary>Gets a required service from the request's services.</summary>
    T Service<T>()
        where T : notnull;

    /// <summary>
    /// The fields selected below this field for the given concrete type (fragments and @skip/@include applied),
    /// keyed by response name — what projections and look-ahead need.
    /// </summary>
    IReadOnlyList<SelectedField> SelectedFields(ObjectType? forType = null);

    /// <summary>
    /// Look-ahead one more level: the fields selected below <paramref name="parent"/> (a field returned by
    /// <see cref="SelectedFields(ObjectType?)"/>) for the concrete type <paramref name="forType"/> — e.g. what a
    /// connection selects under <c>edges { node { ... } }</c>.
    /// </summary>
    IReadOnlyList<SelectedField> SelectedFields(SelectedField parent, ObjectType forType);

    /// <summary>The document's fragment definitions by name.</summary>
    IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>Adds an error to the response without failing the field.</summary>
    void ReportError(GraphQLError error);
}

/// <summary>One field of a sub-selection, as seen from a parent resolver (for projections and look-ahead).</summary>
/// <param name="ResponseKey">The alias or name.</param>
/// <param name="Definition">The field's definition.</param>
/// <param name="Nodes">The merged AST nodes of the field.</param>
public sealed record SelectedField(string ResponseKey, FieldDefinition Definition, IReadOnlyList<FieldNode> Nodes);

/// <summary>
/// Per-request state shared by all resolvers: the user, the request's services, a bag of items and the
/// slot where DataLoaders live. The transport creates it; the engine passes it to every resolver.
/// </summary>
public sealed class RequestContext
{
    private readonly Lock _gate = new();
    private Dictionary<string, object?>? _items;
    private Dictionary<object, object>? _loaders;
    private Dictionary<string, object?>? _responseExtensions;
    private List<IBatchDispatcher>? _dispatchers;

    /// <summary>Creates a context.</summary>
    public RequestContext(IServiceProvider services, ClaimsPrincipal? user = null, string? traceId = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
        User = user ?? new ClaimsPrincipal(new ClaimsIdentity());
        TraceId = traceId;
    }

    /// <summary>The request's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The authenticated user (an anonymous principal when none).</summary>
    public ClaimsPrincipal User { get; }

    /// <summary>The trace id used in logs for this request, if any.</summary>
    public string? TraceId { get; }

    /// <summary>Free-form per-request values.</summary>
    public IDictionary<string, object?> Items => _items ??= [];

    /// <summary>
    /// Gets or creates a per-request object keyed by <paramref name="key"/> (DataLoaders use this so every
    /// resolver of one request shares one loader per key). Thread-safe: resolvers of a query run concurrently.
    /// </summary>
    public T GetOrAddLoader<T>(object key, Func<T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(create);
        lock (_gate)
        {
            _loaders ??= [];
            if (!_loaders.TryGetValue(key, out var loader))
            {
                loader = create();
                _loaders[key] = loader;
            }
            return (T)loader;
        }
    }

    /// <summary>
    /// Adds an entry to the response's top-level <c>extensions</c> map (spec §7.1.2: reserved for implementers),
    /// e.g. cost or tracing figures a resolver or middleware measured. The last value set for a key wins.
    /// </summary>
    public void SetResponseExtension(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_gate)
        {
            (_responseExtensions ??= new Dictionary<string, object?>(StringComparer.Ordinal))[key] = value;
        }
    }

    /// <summary>
    /// Takes the entries set so far (null when none): a subscription reuses one context for every event, and
    /// each event's result carries only what was set while it executed.
    /// </summary>
    internal IReadOnlyDictionary<string, object?>? TakeResponseExtensions()
    {
        lock (_gate)
        {
            var taken = _responseExtensions;
            _responseExtensions = null;
            return taken;
        }
    }

    /// <summary>Registers a batch dispatcher (a DataLoader) to be run when execution waits.</summary>
    public void RegisterBatchDispatcher(IBatchDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        lock (_gate)
        {
            (_dispatchers ??= []).Add(dispatcher);
        }
    }

    /// <summary>Dispatches every dispatcher with pending work; true when at least one did.</summary>
    internal bool DispatchBatches()
    {
        IBatchDispatcher[] dispatchers;
        lock (_gate)
        {
            if (_dispatchers is null)
            {
                return false;
            }
            dispatchers = [.. _dispatchers];
        }
        var any = false;
        foreach (var dispatcher in dispatchers)
        {
            if (dispatcher.HasPendingWork)
            {
                dispatcher.Dispatch();
                any = true;
            }
        }
        return any;
    }
}
