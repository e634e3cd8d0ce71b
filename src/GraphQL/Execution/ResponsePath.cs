namespace RfmGraph.GraphQL.Execution;

/// <summary>A response path as a linked list (cheap to extend); turned into a list only when an error needs it.</summary>
internal sealed class ResponsePath(ResponsePath? parent, object key)
{
    public ResponsePath? Parent { get; } = parent;

    public object Key { get; } = key;

    public IReadOnlyList<object> ToList()
    {
        var count = 0;
        for (var p = this; p is not null; p = p.Parent)
        {
            count++;
        }
        var segments = new object[count];
        for (var p = this; p is not null; p = p.Parent)
        {
            segments[--count] = p.Key;
        }
        return segments;
    }
}
