using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>graphql-js groupBy for the uniqueness rules: names in first-seen order, each with its name nodes.</summary>
internal static class Grouping
{
    public static List<(string Name, List<Node> Nodes)> ByName<T>(IReadOnlyList<T> items, Func<T, NameNode> nameOf)
    {
        var groups = new List<(string Name, List<Node> Nodes)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var name = nameOf(item);
            if (index.TryGetValue(name.Value, out var at))
            {
                groups[at].Nodes.Add(name);
            }
            else
            {
                index[name.Value] = groups.Count;
                groups.Add((name.Value, [name]));
            }
        }
        return groups;
    }
}
