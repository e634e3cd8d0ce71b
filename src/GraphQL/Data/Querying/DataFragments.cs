using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Data.Querying;

/// <summary>
/// Finds fragment definitions for look-ahead. The resolver context exposes the operation but not the document,
/// so a transport or test that has the document can register it in <see cref="RequestContext.Items"/> under
/// <see cref="DocumentKey"/>; without it, fragment spreads below a data field disable projection for that query.
/// </summary>
public static class DataFragments
{
    /// <summary>The <see cref="RequestContext.Items"/> key holding the executed <see cref="DocumentNode"/>.</summary>
    public const string DocumentKey = "graphql.document";

    internal static Func<string, FragmentDefinitionNode?> Lookup(IResolverContext context)
    {
        if (context is ResolverContext executing)
        {
            var fragments = executing.Fragments;
            return name => fragments.GetValueOrDefault(name);
        }
        if (context.Request.Items.TryGetValue(DocumentKey, out var value) && value is DocumentNode document)
        {
            return name => document.Definitions.OfType<FragmentDefinitionNode>().FirstOrDefault(f => f.Name.Value == name);
        }
        return static _ => null;
    }
}
