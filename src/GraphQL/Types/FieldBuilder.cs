using RfmGraph.GraphQL.Execution;

namespace RfmGraph.GraphQL.Types;

/// <summary>Configures one field: description, arguments, deprecation, resolver, metadata.</summary>
/// <typeparam name="TSource">The CLR type of the parent value.</typeparam>
public sealed class FieldBuilder<TSource>
{
    private readonly SchemaBuilder _schema;

    internal FieldBuilder(SchemaBuilder schema, FieldDefinition field)
    {
        _schema = schema;
        Definition = field;
    }

    /// <summary>The field being configured.</summary>
    public FieldDefinition Definition { get; }

    /// <summary>Sets the description.</summary>
    public FieldBuilder<TSource> Description(string description)
    {
        Definition.Description = description;
        return this;
    }

    /// <summary>Marks the field deprecated.</summary>
    public FieldBuilder<TSource> Deprecated(string reason = BuiltInDirectives.DefaultDeprecationReason)
    {
        Definition.DeprecationReason = reason;
        return this;
    }

    /// <summary>Adds an argument (type in SDL syntax). <paramref name="defaultValue"/> is an internal value (e.g. 10, a CLR enum).</summary>
    public FieldBuilder<TSource> Argument(string name, string type, string? description = null, Optional<object?> defaultValue = default, string? deprecationReason = null)
    {
        var argument = new InputValueDefinition(name, SchemaBuilder.Ref(type)) { Description = description, DeprecationReason = deprecationReason };
        if (defaultValue.HasValue)
        {
            argument.DefaultValue = defaultValue.Value;
        }
        Definition.Arguments.Add(argument);
        return this;
    }

    /// <summary>Adds an argument whose GraphQL type is inferred from <typeparamref name="T"/>.</summary>
    public FieldBuilder<TSource> Argument<T>(string name, string? description = null, Optional<object?> defaultValue = default)
    {
        var argument = new InputValueDefinition(name, _schema.TypeFor(typeof(T))) { Description = description };
        if (defaultValue.HasValue)
        {
            argument.DefaultValue = defaultValue.Value;
        }
        Definition.Arguments.Add(argument);
        return this;
    }

    /// <summary>Attaches metadata (read by conventions and limits, e.g. <c>cost</c>).</summary>
    public FieldBuilder<TSource> Metadata(string key, object? value)
    {
        Definition.Metadata[key] = value;
        return this;
    }

    /// <summary>Sets the field's cost for the cost limit (default 1; list multipliers apply on top).</summary>
    public FieldBuilder<TSource> Cost(int cost) => Metadata(FieldMetadataKeys.Cost, cost);

    /// <summary>Resolves synchronously from the parent value.</summary>
    public FieldBuilder<TSource> Resolve<TResult>(Func<TSource, TResult> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        Definition.Resolver = context => new ValueTask<object?>(resolve((TSource)context.Source!));
        return this;
    }

    /// <summary>Resolves synchronously with access to arguments, services and the request.</summary>
    public FieldBuilder<TSource> Resolve<TResult>(Func<TSource, IResolverContext, TResult> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        Definition.Resolver = context => new ValueTask<object?>(resolve((TSource)context.Source!, context));
        return this;
    }

    /// <summary>Resolves asynchronously; use <see cref="IResolverContext.CancellationToken"/> for I/O.</summary>
    public FieldBuilder<TSource> ResolveAsync<TResult>(Func<TSource, IResolverContext, Task<TResult>> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        Definition.Resolver = context => Await(resolve((TSource)context.Source!, context));
        return this;
    }

    /// <summary>Resolves asynchronously, receiving the request's cancellation token directly.</summary>
    public FieldBuilder<TSource> ResolveAsync<TResult>(Func<TSource, IResolverContext, CancellationToken, Task<TResult>> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        Definition.Resolver = context => Await(resolve((TSource)context.Source!, context, context.CancellationToken));
        return this;
    }

    /// <summary>Resolves with a ValueTask (no allocation when it completes synchronously). Named apart from
    /// <c>ResolveAsync</c> so async lambdas are never ambiguous.</summary>
    public FieldBuilder<TSource> ResolveValueTask<TResult>(Func<TSource, IResolverContext, ValueTask<TResult>> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        Definition.Resolver = context =>
        {
            var pending = resolve((TSource)context.Source!, context);
            return pending.IsCompletedSuccessfully ? new ValueTask<object?>(pending.Result) : AwaitValue(pending);
        };
        return this;
    }

    /// <summary>Uses a raw resolver.</summary>
    public FieldBuilder<TSource> Resolver(FieldResolver resolver)
    {
        Definition.Resolver = resolver;
        return this;
    }

    /// <summary>
    /// For subscription root fields: the source stream. Each event becomes the parent value of this field's
    /// resolver (which by default returns the event itself).
    /// </summary>
    public FieldBuilder<TSource> Subscribe<TEvent>(Func<IResolverContext, IAsyncEnumerable<TEvent>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        Definition.Subscriber = context => new ValueTask<IAsyncEnumerable<object?>>(Box(subscribe(context)));
        Definition.Resolver ??= context => new ValueTask<object?>(context.Source);
        return this;
    }

    private static async ValueTask<object?> Await<TResult>(Task<TResult> task) => await task.ConfigureAwait(false);

    private static async ValueTask<object?> AwaitValue<TResult>(ValueTask<TResult> task) => await task.ConfigureAwait(false);

    private static async IAsyncEnumerable<object?> Box<TEvent>(IAsyncEnumerable<TEvent> source)
    {
        await foreach (var item in source.ConfigureAwait(false))
        {
            yield return item;
        }
    }
}

/// <summary>Well-known <see cref="FieldDefinition.Metadata"/> keys.</summary>
public static class FieldMetadataKeys
{
    /// <summary>The field's own cost (int) for the cost limit.</summary>
    public const string Cost = "cost";
}
