using System.Buffers;
using System.Text.Json;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Http;

namespace RfmGraph.GraphQL.WebSockets;

/// <summary>A parsed graphql-transport-ws message from the client, and the server's messages as UTF-8 JSON.</summary>
internal readonly record struct ProtocolMessage(string Type, string? Id, IReadOnlyDictionary<string, object?>? Payload, bool HasInvalidPayload, GraphQLRequest? Request)
{
    /// <summary>False for anything that is not a JSON object with a string <c>type</c> (the caller closes with 4400).</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out ProtocolMessage message)
    {
        message = default;
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!JsonDocument.TryParseValue(ref reader, out var parsed))
            {
                return false;
            }
            document = parsed;
            // Trailing content after the object is not a valid message either.
            if (reader.Read())
            {
                document.Dispose();
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return false;
            }
            string? id = null;
            if (root.TryGetProperty("id", out var idElement))
            {
                if (idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } text)
                {
                    return false;
                }
                id = text;
            }
            IReadOnlyDictionary<string, object?>? payload = null;
            var invalidPayload = false;
            GraphQLRequest? request = null;
            if (root.TryGetProperty("payload", out var payloadElement))
            {
                switch (payloadElement.ValueKind)
                {
                    case JsonValueKind.Object:
                        payload = JsonInput.ToDictionary(payloadElement);
                        request = ToRequest(payloadElement);
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        invalidPayload = true;
                        break;
                }
            }
            message = new ProtocolMessage(type.GetString()!, id, payload, invalidPayload, request);
            return true;
        }
    }

    public static byte[] ConnectionAck() => """{"type":"connection_ack"}"""u8.ToArray();

    public static byte[] Ping() => """{"type":"ping"}"""u8.ToArray();

    public static byte[] Pong() => """{"type":"pong"}"""u8.ToArray();

    public static byte[] Complete(string id) => Write(id, "complete", null);

    public static byte[] Next(string id, ExecutionResult result) => Write(id, "next", writer => result.WriteTo(writer));

    public static byte[] Error(string id, IReadOnlyList<GraphQLError> errors) => Write(id, "error", writer =>
    {
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            error.WriteTo(writer);
        }
        writer.WriteEndArray();
    });

    private static GraphQLRequest? ToRequest(JsonElement payload)
    {
        if (!payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        string? operationName = null;
        if (payload.TryGetProperty("operationName", out var name))
        {
            if (name.ValueKind == JsonValueKind.String)
            {
                operationName = name.GetString();
            }
            else if (name.ValueKind != JsonValueKind.Null)
            {
                return null;
            }
        }
        Dictionary<string, object?>? variables = null;
        if (payload.TryGetProperty("variables", out var variablesElement))
        {
            if (variablesElement.ValueKind == JsonValueKind.Object)
            {
                variables = JsonInput.ToDictionary(variablesElement);
            }
            else if (variablesElement.ValueKind != JsonValueKind.Null)
            {
                return null;
            }
        }
        Dictionary<string, object?>? extensions = null;
        if (payload.TryGetProperty("extensions", out var extensionsElement) && extensionsElement.ValueKind == JsonValueKind.Object)
        {
            extensions = JsonInput.ToDictionary(extensionsElement);
        }
        return new GraphQLRequest { Query = query.GetString()!, OperationName = operationName, Variables = variables, Extensions = extensions };
    }

    private static byte[] Write(string id, string type, Action<Utf8JsonWriter>? payload)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, GraphQLResponseWriter.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, id);
            writer.WriteString("type"u8, type);
            if (payload is not null)
            {
                writer.WritePropertyName("payload"u8);
                payload(writer);
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
