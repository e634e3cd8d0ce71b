using System.Text.Json;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL;

/// <summary>
/// One entry of a response's <c>errors</c> list (spec §7.1.2): a message, the source locations it refers to,
/// the response path of the field that failed (execution errors only) and optional extensions.
/// Immutable; shared by the parser, the validator and the executor.
/// </summary>
public sealed class GraphQLError
{
    /// <summary>Creates an error pointing at the given AST nodes (their start positions become the locations).</summary>
    public GraphQLError(
        string message,
        IReadOnlyList<Node>? nodes = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null,
        Exception? originalException = null)
    {
        Message = message;
        Nodes = nodes ?? [];
        Path = path;
        Extensions = extensions;
        OriginalException = originalException;
        Locations = LocationsOf(Nodes);
    }

    /// <summary>Creates an error with explicit locations (used by the lexer, which has no nodes yet).</summary>
    public GraphQLError(string message, IReadOnlyList<SourceLocation> locations, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Message = message;
        Nodes = [];
        Locations = locations;
        Extensions = extensions;
    }

    /// <summary>The human-readable description of the error.</summary>
    public string Message { get; }

    /// <summary>1-based line/column positions in the document; empty when the error has no source position.</summary>
    public IReadOnlyList<SourceLocation> Locations { get; }

    /// <summary>The AST nodes the error refers to (may be empty).</summary>
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>The response path (field names as <see cref="string"/>, list indices as <see cref="int"/>), or null.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Extra data written under <c>extensions</c> (e.g. <c>code</c>), or null.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The exception that caused this error, if any. Never serialized.</summary>
    public Exception? OriginalException { get; }

    /// <summary>Returns a copy with a response path (used when a resolver error is attached to its field).</summary>
    public GraphQLError WithPath(IReadOnlyList<object> path) =>
        new(Message, Nodes, path, Extensions, OriginalException);

    /// <summary>Writes the error as the spec's JSON object: message, locations, path, extensions (in that order).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        // Messages quote user input (graphql-js inspect); write them as JSON.stringify would.
        writer.WritePropertyName("message"u8);
        JavaScriptJson.WriteString(writer, Message);
        if (Locations.Count > 0)
        {
            writer.WriteStartArray("locations"u8);
            foreach (var location in Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line"u8, location.Line);
                writer.WriteNumber("column"u8, location.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (Path is not null)
        {
            writer.WriteStartArray("path"u8);
            foreach (var segment in Path)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    JavaScriptJson.WriteString(writer, segment.ToString() ?? string.Empty);
                }
            }
            writer.WriteEndArray();
        }
        if (Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions"u8);
            JsonValueWriter.Write(writer, Extensions);
        }
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (Locations.Count == 0)
        {
            return Message;
        }
        return $"{Message} ({string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"))})";
    }

    private static SourceLocation[] LocationsOf(IReadOnlyList<Node> nodes)
    {
        if (nodes.Count == 0)
        {
            return [];
        }
        var list = new List<SourceLocation>(nodes.Count);
        foreach (var node in nodes)
        {
            if (node.Location.Source is { } source)
            {
                list.Add(source.GetLocation(node.Location.Start));
            }
        }
        return [.. list];
    }
}
