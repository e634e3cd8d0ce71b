using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Data.Querying;

/// <summary>Finds fragment definitions for look-ahead below data fields (two levels down, e.g. edges → node).</summary>
internal static class DataFragments
{
    public static Func<string, FragmentDefinitionNode?> Lookup(IResolverContext context)
    {
        var fragments = context.Fragments;
        return name => fragments.GetValueOrDefault(name);
    }
}
