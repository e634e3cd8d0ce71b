using System.Text;
using System.Text.Json;

namespace RfmGraph.GraphQL.Execution;

/// <summary>A GraphQL request (GraphQL over HTTP "request parameters").</summary>
public sealed class GraphQLRequest
{
    /// <summary>The document text.</summary>
    public required string Query { get; init; }

    /// <summary>The operation to run when the document has several.</summary>
    public string? OperationName { get; init; }

    /// <summary>Variable values as JSON-like CLR values (see <see cref="JsonInput"/>).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Request extensions (not interpreted by the engine).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>The root value passed to root resolvers as their source.</summary>
    public object? RootValue { get; init; }
}

/// <summary>
/// The result of executing a request: data (written in selection order), errors and extensions. Produced by
/// <see cref="GraphQLExecutor"/>; write it with <see cref="WriteTo"/> straight into the response stream.
/// </summary>
public sealed class ExecutionResult
{
    internal ExecutionResult(object? data, bool hasData, IReadOnlyList<GraphQLError> errors, IReadOnlyDictionary<string, object?>? extensions)
    {
        Data = data;
        HasData = hasData;
        Errors = errors;
        Extensions = extensions;
    }

    /// <summary>The result tree (null when data is null or absent). Read it through <see cref="WriteTo"/>.</summary>
    internal object? Data { get; }

    /// <summary>
    /// False when the request failed before execution started (syntax, validation, variables, limits): the
    /// response then has no <c>data</c> entry (GraphQL over HTTP answers such requests with 4xx status codes).
    /// </summary>
    public bool HasData { get; }

    /// <summary>True when execution produced a non-null data object.</summary>
    public bool HasNonNullData => Data is not null;

    /// <summary>The errors, in the order they occurred.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>Response extensions, or null.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>Creates a result for a request that failed before execution.</summary>
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors) => new(null, false, errors, null);

    /// <summary>Writes <c>{"errors":[...],"data":{...},"extensions":{...}}</c> (graphql-js key order).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Errors.Count > 0)
        {
            writer.WriteStartArray("errors"u8);
            foreach (var error in Errors)
            {
                error.WriteTo(writer);
            }
            writer.WriteEndArray();
        }
        if (HasData)
        {
            writer.WritePropertyName("data"u8);
            ResultWriter.WriteValue(writer, Data);
        }
        if (Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions"u8);
            JsonValueWriter.Write(writer, Extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes only the data value (or null), e.g. for comparing with another implementation.</summary>
    public void WriteDataTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ResultWriter.WriteValue(writer, Data);
    }

    /// <summary>The whole response as compact JSON text.</summary>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>Converts JSON (request bodies, query-string variables) into the CLR values the engine coerces.</summary>
public static class JsonInput
{
    /// <summary>
    /// Converts a JSON value: objects → Dictionary&lt;string, object?&gt;, arrays → object?[], strings, booleans,
    /// null; numbers → long when integral and in range, else double (JavaScript semantics; send decimals as strings).
    /// </summary>
    public static object? ToClr(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToDictionary(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToClr).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : Number(element),
        _ => null,
    };

    /// <summary>Converts a JSON object (e.g. <c>variables</c>) into a dictionary; null for JSON null/undefined.</summary>
    public static Dictionary<string, object?>? ToDictionary(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = ToClr(property.Value);
        }
        return map;
    }

    /// <summary>Parses JSON text into CLR values (see <see cref="ToClr"/>).</summary>
    public static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ToClr(document.RootElement);
    }

    private static object Number(JsonElement element)
    {
        var d = element.GetDouble();
        // 1.0 and 1e3 are integers for JavaScript too.
        return JsonNumbersInternal.IsSafeIntegral(d) ? (long)d : d;
    }

    private static class JsonNumbersInternal
    {
        public static bool IsSafeIntegral(double d) => double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9.2e18;
    }
}
