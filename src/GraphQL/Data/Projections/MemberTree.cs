using System.Reflection;

namespace RfmGraph.GraphQL.Data.Projections;

/// <summary>The members a query must read: scalars as leaves, nested objects with their own members.</summary>
internal sealed class MemberTree
{
    private readonly Dictionary<PropertyInfo, MemberTree?> _members = [];

    public IReadOnlyDictionary<PropertyInfo, MemberTree?> Members => _members;

    /// <summary>Adds a member read whole, or (nested) a nested object read partially; null means read whole.</summary>
    public MemberTree? Add(PropertyInfo property, bool nested)
    {
        if (!_members.TryGetValue(property, out var child))
        {
            child = nested ? new MemberTree() : null;
            _members[property] = child;
        }
        else if (!nested && child is not null)
        {
            // Read whole wins over a partial nested read.
            _members[property] = child = null;
        }
        return child;
    }

    public void AddPath(IReadOnlyList<PropertyInfo> path)
    {
        var tree = this;
        for (var i = 0; i < path.Count && tree is not null; i++)
        {
            tree = tree.Add(path[i], nested: i < path.Count - 1);
        }
    }
}
