using System.Collections;
using Microsoft.Extensions.Logging;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Execution;

/// <summary>
/// ExecuteOperation / ExecuteSelectionSet / CompleteValue (spec §6.2–6.4). Synchronous resolvers complete without
/// allocating tasks; asynchronous sibling fields of a query run concurrently, mutation fields one after another.
/// A null in a non-null position becomes <see cref="ResultMarkers.Bubble"/> and is turned into null by the
/// nearest nullable field or list item, exactly as the spec's null propagation requires.
/// </summary>
internal sealed partial class OperationExecutor(ExecutionContext context)
{
    private static readonly Dictionary<string, object?> NoArguments = [];

    public async ValueTask<object?> ExecuteOperationAsync(object? rootValue)
    {
        var operation = context.Operation;
        var rootType = context.Schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            throw new GraphQLException(new GraphQLError(
                $"Schema is not configured to execute {Printer.OperationName(operation.Operation)} operation.",
                [operation]));
        }
        var plan = FieldCollector.Plan(context, rootType, [operation.SelectionSet]);
        var result = operation.Operation == OperationType.Mutation
            ? await ExecuteSeriallyAsync(rootType, rootValue, plan).ConfigureAwait(true)
            : await ExecuteSelectionAsync(rootType, rootValue, plan, null).ConfigureAwait(true);
        return ReferenceEquals(result, ResultMarkers.Bubble) ? null : result;
    }

    /// <summary>Plans the root fields (used by subscriptions).</summary>
    public FieldPlan PlanRoot(ObjectType rootType) => FieldCollector.Plan(context, rootType, [context.Operation.SelectionSet]);

    /// <summary>Coerced arguments of a planned field (throws the coercion error).</summary>
    public IReadOnlyDictionary<string, object?> ArgumentsOf(FieldPlanEntry entry)
    {
        if (entry.ArgumentError is { } cached)
        {
            throw new GraphQLException(cached);
        }
        if (entry.Arguments is { } arguments)
        {
            return arguments;
        }
        var definition = entry.Definition!;
        if (definition.Arguments.Count == 0)
        {
            return entry.Arguments = NoArguments;
        }
        try
        {
            return entry.Arguments = ArgumentValues.Coerce(definition.Arguments, entry.Nodes[0].Arguments, entry.Nodes[0], context.Variables);
        }
        catch (GraphQLException error)
        {
            entry.ArgumentError = error.Errors[0];
            throw;
        }
    }

    public ResolverContext CreateContext(ObjectType parentType, object? source, FieldPlanEntry entry, ResponsePath path) =>
        new(context, parentType, source, entry, ArgumentsOf(entry), path);

    public ValueTask<object?> ExecuteSelectionAsync(ObjectType type, object? source, FieldPlan plan, ResponsePath? path)
    {
        var entries = plan.Entries;
        var values = new object?[entries.Length];
        List<(int Index, ValueTask<object?> Task)>? pending = null;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Definition is null)
            {
                values[i] = ResultMarkers.Skip;
                continue;
            }
            var result = ExecuteField(type, source, entry, new ResponsePath(path, entry.ResponseKey));
            if (result.IsCompletedSuccessfully)
            {
                var value = result.Result;
                if (ReferenceEquals(value, ResultMarkers.Bubble))
                {
                    // Like graphql-js: a synchronous null propagation stops the remaining siblings.
                    return pending is null ? new ValueTask<object?>(ResultMarkers.Bubble) : AwaitThenBubble(pending);
                }
                values[i] = value;
            }
            else
            {
                (pending ??= []).Add((i, result));
            }
        }
        if (pending is null)
        {
            return new ValueTask<object?>(new ResultMap(plan, values));
        }
        return AwaitFields(plan, values, pending);
    }

    private static async ValueTask<object?> AwaitThenBubble(List<(int Index, ValueTask<object?> Task)> pending)
    {
        foreach (var (_, task) in pending)
        {
            await task.ConfigureAwait(true);
        }
        return ResultMarkers.Bubble;
    }

    private static async ValueTask<object?> AwaitFields(FieldPlan plan, object?[] values, List<(int Index, ValueTask<object?> Task)> pending)
    {
        var bubble = false;
        foreach (var (index, task) in pending)
        {
            var value = await task.ConfigureAwait(true);
            if (ReferenceEquals(value, ResultMarkers.Bubble))
            {
                bubble = true;
            }
            values[index] = value;
        }
        return bubble ? ResultMarkers.Bubble : new ResultMap(plan, values);
    }

    private async ValueTask<object?> ExecuteSeriallyAsync(ObjectType type, object? source, FieldPlan plan)
    {
        var entries = plan.Entries;
        var values = new object?[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Definition is null)
            {
                values[i] = ResultMarkers.Skip;
                continue;
            }
            var value = await ExecuteField(type, source, entry, new ResponsePath(null, entry.ResponseKey)).ConfigureAwait(true);
            if (ReferenceEquals(value, ResultMarkers.Bubble))
            {
                return ResultMarkers.Bubble;
            }
            values[i] = value;
        }
        return new ResultMap(plan, values);
    }

    /// <summary>ExecuteField: arguments, resolver, completion; errors become field errors at this path.</summary>
    public ValueTask<object?> ExecuteField(ObjectType parentType, object? source, FieldPlanEntry entry, ResponsePath path)
    {
        var definition = entry.Definition!;
        ValueTask<object?> resolved;
        try
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var resolverContext = CreateContext(parentType, source, entry, path);
            var resolver = entry.Resolver ??= definition.Resolver ?? DefaultResolver.For(definition);
            resolved = resolver(resolverContext);
        }
        catch (Exception error)
        {
            return new ValueTask<object?>(HandleError(error, definition.Type, entry, path));
        }
        if (resolved.IsCompletedSuccessfully)
        {
            return CompleteField(definition.Type, entry, path, resolved.Result);
        }
        return AwaitResolver(resolved, definition.Type, entry, path);
    }

    private async ValueTask<object?> AwaitResolver(ValueTask<object?> resolved, GraphQLType type, FieldPlanEntry entry, ResponsePath path)
    {
        object? result;
        try
        {
            result = await resolved.ConfigureAwait(true);
        }
        catch (Exception error)
        {
            return HandleError(error, type, entry, path);
        }
        return await CompleteField(type, entry, path, result).ConfigureAwait(true);
    }

    /// <summary>Completes a value at a position that handles its own errors (a field or a list item).</summary>
    private ValueTask<object?> CompleteField(GraphQLType type, FieldPlanEntry entry, ResponsePath path, object? result)
    {
        ValueTask<object?> completed;
        try
        {
            completed = CompleteValue(type, entry, path, result);
        }
        catch (Exception error)
        {
            return new ValueTask<object?>(HandleError(error, type, entry, path));
        }
        if (completed.IsCompletedSuccessfully)
        {
            var value = completed.Result;
            return new ValueTask<object?>(ReferenceEquals(value, ResultMarkers.Bubble) && type is not NonNullType ? null : value);
        }
        return AwaitCompletion(completed, type, entry, path);
    }

    private async ValueTask<object?> AwaitCompletion(ValueTask<object?> completed, GraphQLType type, FieldPlanEntry entry, ResponsePath path)
    {
        try
        {
            var value = await completed.ConfigureAwait(true);
            return ReferenceEquals(value, ResultMarkers.Bubble) && type is not NonNullType ? null : value;
        }
        catch (Exception error)
        {
            return HandleError(error, type, entry, path);
        }
    }

    /// <summary>Records a field error and returns null, or <see cref="ResultMarkers.Bubble"/> for a non-null position.</summary>
    private object? HandleError(Exception error, GraphQLType type, FieldPlanEntry entry, ResponsePath path)
    {
        var pathList = path.ToList();
        switch (error)
        {
            case GraphQLException graphQLException:
                foreach (var inner in graphQLException.Errors)
                {
                    if (inner.Path is not null)
                    {
                        context.AddError(inner);
                        continue;
                    }
                    context.AddError(new GraphQLError(inner.Message, inner.Nodes.Count > 0 ? inner.Nodes : entry.Nodes, pathList, inner.Extensions, error));
                }
                break;
            case CoercionException coercion:
                context.AddError(new GraphQLError(coercion.Message, entry.Nodes, pathList, originalException: error));
                break;
            case FieldError fieldError:
                context.AddError(new GraphQLError(fieldError.Message, entry.Nodes, pathList, originalException: error));
                break;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                context.AddError(new GraphQLError("Execution was cancelled.", entry.Nodes, pathList, CodeExtension("CANCELLED"), error));
                break;
            default:
                LogUnexpected(context.Logger, error, context.Request.TraceId, string.Join('.', pathList));
                var message = context.Options.MaskUnexpectedErrors ? "Unexpected Execution Error" : error.Message;
                context.AddError(new GraphQLError(message, entry.Nodes, pathList, CodeExtension("INTERNAL_SERVER_ERROR"), error));
                break;
        }
        return type is NonNullType ? ResultMarkers.Bubble : null;
    }

    internal static Dictionary<string, object?> CodeExtension(string code) => new() { ["code"] = code };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error resolving {Path} (trace {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception error, string? traceId, string path);

    /// <summary>CompleteValue (spec §6.4.3). Throws for errors that the enclosing field or list item reports.</summary>
    private ValueTask<object?> CompleteValue(GraphQLType type, FieldPlanEntry entry, ResponsePath path, object? result)
    {
        if (result is Exception exception)
        {
            throw exception;
        }
        if (type is NonNullType nonNull)
        {
            var inner = CompleteValue(nonNull.OfType, entry, path, result);
            if (inner.IsCompletedSuccessfully)
            {
                return inner.Result is null ? throw NullInNonNull(entry) : inner;
            }
            return AwaitNonNull(inner, entry);
        }
        if (result is null)
        {
            return new ValueTask<object?>((object?)null);
        }
        switch (type)
        {
            case ScalarType scalar:
                return new ValueTask<object?>(Serialize(scalar, result));
            case EnumType enumType:
                return new ValueTask<object?>(enumType.Serialize(result));
            case ListType list:
                return CompleteList(list.OfType, entry, path, result);
            case ObjectType objectType:
                if (objectType.IsTypeOf is { } isTypeOf && !isTypeOf(result, CreateContext(objectType, result, entry, path)))
                {
                    throw new FieldError($"Expected value of type \"{objectType.Name}\" but got: {Inspect.Value(result)}.");
                }
                return CompleteObject(objectType, entry, path, result);
            case InterfaceType or UnionType:
                return CompleteObject(ResolveRuntimeType((NamedType)type, entry, path, result), entry, path, result);
            default:
                throw new FieldError($"Cannot complete value of unexpected output type: \"{type}\".");
        }
    }

    private static async ValueTask<object?> AwaitNonNull(ValueTask<object?> inner, FieldPlanEntry entry)
    {
        var value = await inner.ConfigureAwait(true);
        return value is null ? throw NullInNonNull(entry) : value;
    }

    private static FieldError NullInNonNull(FieldPlanEntry entry) =>
        new($"Cannot return null for non-nullable field {ParentName(entry)}.{entry.Definition!.Name}.");

    private static string ParentName(FieldPlanEntry entry) => entry.ParentType?.Name ?? "?";

    private static object Serialize(ScalarType scalar, object result)
    {
        // Fast paths for the common already-correct values: no re-boxing, no conversion.
        if ((result is string && (ReferenceEquals(scalar, Scalars.String) || ReferenceEquals(scalar, Scalars.ID)))
            || (result is int && ReferenceEquals(scalar, Scalars.Int))
            || (result is bool && ReferenceEquals(scalar, Scalars.Boolean))
            || (result is double d && double.IsFinite(d) && ReferenceEquals(scalar, Scalars.Float)))
        {
            return result;
        }
        var serialized = scalar.Serialize(result);
        return serialized is string or int or bool or double or long or decimal ? serialized : new RawLeaf(serialized);
    }

    private ValueTask<object?> CompleteObject(ObjectType type, FieldPlanEntry entry, ResponsePath path, object result)
    {
        var subPlans = entry.SubPlans ??= [];
        if (!subPlans.TryGetValue(type, out var plan))
        {
            var sets = new List<SelectionSetNode>(entry.Nodes.Length);
            foreach (var node in entry.Nodes)
            {
                if (node.SelectionSet is not null)
                {
                    sets.Add(node.SelectionSet);
                }
            }
            plan = FieldCollector.Plan(context, type, sets);
            subPlans[type] = plan;
        }
        return ExecuteSelectionAsync(type, result, plan, path);
    }

    private ObjectType ResolveRuntimeType(NamedType abstractType, FieldPlanEntry entry, ResponsePath path, object value)
    {
        var schema = context.Schema;
        ObjectType? runtimeType = null;
        var resolveType = abstractType switch
        {
            InterfaceType iface => iface.ResolveType,
            UnionType union => union.ResolveType,
            _ => null,
        };
        if (resolveType is not null)
        {
            runtimeType = resolveType(value, CreateContext(entry.ParentType ?? schema.QueryType, value, entry, path));
        }
        else
        {
            string? typeName = value switch
            {
                IReadOnlyDictionary<string, object?> map when map.TryGetValue("__typename", out var name) => name as string,
                IDictionary<string, object?> dictionary when dictionary.TryGetValue("__typename", out var name) => name as string,
                _ => null,
            };
            if (typeName is not null)
            {
                runtimeType = schema.GetType(typeName) as ObjectType
                    ?? throw new FieldError($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema.");
            }
            else
            {
                var clrType = value.GetType();
                foreach (var candidate in schema.GetPossibleTypes(abstractType))
                {
                    if (candidate.IsTypeOf is { } isTypeOf)
                    {
                        if (isTypeOf(value, CreateContext(candidate, value, entry, path)))
                        {
                            runtimeType = candidate;
                            break;
                        }
                    }
                    else if (candidate.ClrType is { } candidateClr && candidateClr.IsAssignableFrom(clrType))
                    {
                        runtimeType = candidate;
                        break;
                    }
                }
            }
        }
        if (runtimeType is null)
        {
            throw new FieldError(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{ParentName(entry)}.{entry.Definition!.Name}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");
        }
        if (!schema.IsSubType(abstractType, runtimeType))
        {
            throw new FieldError($"Runtime Object type \"{runtimeType.Name}\" is not a possible type for \"{abstractType.Name}\".");
        }
        return runtimeType;
    }

    private ValueTask<object?> CompleteList(GraphQLType itemType, FieldPlanEntry entry, ResponsePath path, object result)
    {
        if (result is string or IDictionary or IReadOnlyDictionary<string, object?> || result is not IEnumerable sequence)
        {
            throw new FieldError($"Expected Iterable, but did not find one for field \"{ParentName(entry)}.{entry.Definition!.Name}\".");
        }
        var items = result is ICollection collection ? new List<object?>(collection.Count) : [];
        List<(int Index, ValueTask<object?> Task)>? pending = null;
        var index = 0;
        foreach (var item in sequence)
        {
            var itemPath = new ResponsePath(path, index);
            var completed = CompleteField(itemType, entry, itemPath, item);
            if (completed.IsCompletedSuccessfully)
            {
                var value = completed.Result;
                if (ReferenceEquals(value, ResultMarkers.Bubble))
                {
                    return pending is null ? new ValueTask<object?>(ResultMarkers.Bubble) : AwaitThenBubble(pending);
                }
                items.Add(value);
            }
            else
            {
                items.Add(null);
                (pending ??= []).Add((index, completed));
            }
            index++;
        }
        if (pending is null)
        {
            return new ValueTask<object?>(items.ToArray());
        }
        return AwaitItems(items, pending);
    }

    private static async ValueTask<object?> AwaitItems(List<object?> items, List<(int Index, ValueTask<object?> Task)> pending)
    {
        var bubble = false;
        foreach (var (index, task) in pending)
        {
            var value = await task.ConfigureAwait(true);
            if (ReferenceEquals(value, ResultMarkers.Bubble))
            {
                bubble = true;
            }
            items[index] = value;
        }
        return bubble ? ResultMarkers.Bubble : items.ToArray();
    }
}

/// <summary>An error raised while completing a value (its message is reported as is).</summary>
internal sealed class FieldError(string message) : Exception(message);
