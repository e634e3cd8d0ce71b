using System.Runtime.CompilerServices;
using RfmGraph.GraphQL;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.Host.GraphQL;

/// <summary>
/// Schema parts for Development and Testing only: what the live conformance suites (tests/Conformance/README.md,
/// "WebSocket test contract") need, which a production API should not expose.
/// </summary>
internal static class DevelopmentSchema
{
    public static void AddTo(SchemaBuilder builder)
    {
        builder.ExtendObject<object>("Subscription", subscription => subscription
            .Field("ticks", "Int!", field => field
                .Description("Emits 1, 2, …, count, waiting intervalMs before each event, then completes.")
                .Argument("count", "Int!")
                .Argument("intervalMs", "Int!", defaultValue: 0)
                .Subscribe(context => Ticks(context.Argument<int>("count"), context.Argument<int>("intervalMs"), context.CancellationToken))));
    }

    /// <summary>Checks the arguments before the stream starts, so a bad one is a field error, not a broken stream.</summary>
    private static IAsyncEnumerable<int> Ticks(int count, int intervalMs, CancellationToken cancellationToken)
    {
        if (count is < 0 or > 1000)
        {
            throw new GraphQLException(new GraphQLError("count must be between 0 and 1000."));
        }
        if (intervalMs is < 0 or > 10_000)
        {
            throw new GraphQLException(new GraphQLError("intervalMs must be between 0 and 10000."));
        }
        return Emit(count, intervalMs, cancellationToken);
    }

    private static async IAsyncEnumerable<int> Emit(int count, int intervalMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= count; i++)
        {
            if (intervalMs > 0)
            {
                await Task.Delay(intervalMs, cancellationToken).ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }
}
