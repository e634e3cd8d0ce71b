using Microsoft.Extensions.Logging;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Execution;

/// <summary>Everything one operation execution shares: schema, document parts, variables, request, errors.</summary>
internal sealed class ExecutionContext(
    Schema schema,
    IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
    OperationDefinitionNode operation,
    IReadOnlyDictionary<string, object?> variables,
    RequestContext request,
    GraphQLOptions options,
    ILogger logger,
    CancellationToken cancellationToken)
{
    private readonly Lock _errorsGate = new();
    private readonly List<GraphQLError> _errors = [];

    public Schema Schema { get; } = schema;

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; } = fragments;

    public OperationDefinitionNode Operation { get; } = operation;

    public IReadOnlyDictionary<string, object?> Variables { get; } = variables;

    public RequestContext Request { get; } = request;

    public GraphQLOptions Options { get; } = options;

    public ILogger Logger { get; } = logger;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public IReadOnlyList<GraphQLError> Errors
    {
        get
        {
            lock (_errorsGate)
            {
                return [.. _errors];
            }
        }
    }

    public void AddError(GraphQLError error)
    {
        lock (_errorsGate)
        {
            _errors.Add(error);
        }
    }
}
