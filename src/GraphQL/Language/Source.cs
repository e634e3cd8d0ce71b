namespace RfmGraph.GraphQL.Language;

/// <summary>A 1-based line and column in a <see cref="Source"/> (columns count UTF-16 code units, like graphql-js).</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number.</param>
public readonly record struct SourceLocation(int Line, int Column);

/// <summary>
/// The text of a GraphQL document plus a name for error messages. Converts character offsets into
/// line/column positions; line starts are computed once, on the first lookup, so parsing pays nothing for them.
/// </summary>
public sealed class Source
{
    private int[]? _lineStarts;

    /// <summary>Creates a source; <paramref name="name"/> defaults to graphql-js's "GraphQL request".</summary>
    public Source(string body, string name = "GraphQL request")
    {
        ArgumentNullException.ThrowIfNull(body);
        Body = body;
        Name = name;
    }

    /// <summary>The document text.</summary>
    public string Body { get; }

    /// <summary>A name for the document (a file name, or "GraphQL request").</summary>
    public string Name { get; }

    /// <summary>Returns the line and column of a character offset. Line terminators are \n, \r\n and \r.</summary>
    public SourceLocation GetLocation(int position)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Body);
        var index = Array.BinarySearch(starts, position);
        if (index < 0)
        {
            index = ~index - 1;
        }
        if (index < 0)
        {
            index = 0;
        }
        return new SourceLocation(index + 1, position - starts[index] + 1);
    }

    private static int[] ComputeLineStarts(string body)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\r')
            {
                if (i + 1 < body.Length && body[i + 1] == '\n')
                {
                    i++;
                }
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }
}

/// <summary>
/// Where a node sits in its source: character offsets <see cref="Start"/> (inclusive) and <see cref="End"/>
/// (exclusive). Nodes built in code have a default location whose <see cref="Source"/> is null.
/// </summary>
/// <param name="Start">Offset of the node's first character.</param>
/// <param name="End">Offset just past the node's last character.</param>
/// <param name="Source">The document the offsets refer to.</param>
public readonly record struct Location(int Start, int End, Source? Source)
{
    /// <summary>Line and column of <see cref="Start"/>; (0, 0) when the node has no source.</summary>
    public SourceLocation StartLocation => Source?.GetLocation(Start) ?? default;
}
