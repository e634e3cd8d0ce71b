using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace RfmGraph.Platform.GraphQL;

/// <summary>
/// Gives each GraphQL resolver of a request a DbContext of its own, disposed with the request's scope. The
/// engine resolves the fields of a query concurrently and runs a connection's IQueryable after the resolver
/// returned it, while a DbContext allows one operation at a time: one shared scoped context would fail as soon
/// as a query selects two data fields. Contexts are built from the request's services, so tenant-aware query
/// filters see the request's business. Register it scoped.
/// </summary>
/// <typeparam name="TContext">The module's DbContext.</typeparam>
public sealed class RequestDbContexts<TContext>(IServiceProvider services) : IAsyncDisposable
    where TContext : DbContext
{
    private readonly Lock _gate = new();
    private readonly List<TContext> _contexts = [];

    /// <summary>A new context for one query of this request.</summary>
    public TContext Create()
    {
        var context = ActivatorUtilities.CreateInstance<TContext>(services);
        lock (_gate)
        {
            _contexts.Add(context);
        }

        return context;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        TContext[] contexts;
        lock (_gate)
        {
            contexts = [.. _contexts];
            _contexts.Clear();
        }

        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
    }
}
