using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RfmGraph.GraphQL.Execution;

namespace RfmGraph.GraphQL.Http;

/// <summary>Reads the GraphQL request parameters from a POST body (JSON) or a GET query string.</summary>
internal static class GraphQLRequestReader
{
    public static async ValueTask<(GraphQLRequest? Request, HttpRequestError? Error)> ReadPostAsync(HttpRequest request, long maxBodySize, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBodySize)
        {
            return (null, TooLarge(maxBodySize));
        }
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > maxBodySize)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return (null, TooLarge(maxBodySize));
            }
            if (read.IsCompleted || read.IsCanceled)
            {
                try
                {
                    return ParseBody(buffer);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }
            // Keep everything buffered until the body is complete; the size check above bounds it.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public static (GraphQLRequest? Request, HttpRequestError? Error) ReadQueryString(IQueryCollection query)
    {
        if (query["query"].Count != 1 || string.IsNullOrEmpty(query["query"][0]))
        {
            return (null, new HttpRequestError(400, "The GraphQL request must have a \"query\" parameter."));
        }
        Dictionary<string, object?>? variables = null;
        Dictionary<string, object?>? extensions = null;
        if (query.TryGetValue("variables", out var variablesText) && !string.IsNullOrEmpty(variablesText))
        {
            if (!TryParseObject(variablesText!, out variables))
            {
                return (null, new HttpRequestError(400, "The \"variables\" parameter must be a JSON object."));
            }
        }
        if (query.TryGetValue("extensions", out var extensionsText) && !string.IsNullOrEmpty(extensionsText))
        {
            if (!TryParseObject(extensionsText!, out extensions))
            {
                return (null, new HttpRequestError(400, "The \"extensions\" parameter must be a JSON object."));
            }
        }
        var operationName = query["operationName"].ToString();
        return (new GraphQLRequest
        {
            Query = query["query"][0]!,
            OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
            Variables = variables,
            Extensions = extensions,
        }, null);
    }

    /// <summary>Parses the body's JSON object with a forward-only reader (no DOM for the common case).</summary>
    internal static (GraphQLRequest? Request, HttpRequestError? Error) ParseBody(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, new HttpRequestError(400, "The request body is empty; it must be a JSON object with a \"query\"."));
        }
        string? query = null;
        string? operationName = null;
        Dictionary<string, object?>? variables = null;
        Dictionary<string, object?>? extensions = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                // Still read to the end, so invalid JSON is reported as such rather than as a wrong shape.
                while (reader.Read())
                {
                }
                return (null, new HttpRequestError(400, "The request body must be a JSON object."));
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("query"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        SkipRest(ref reader);
                        return (null, new HttpRequestError(400, reader.TokenType == JsonTokenType.Null
                            ? "The GraphQL request must have a \"query\" parameter."
                            : "The \"query\" parameter must be a string."));
                    }
                    query = reader.GetString();
                }
                else if (reader.ValueTextEquals("operationName"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        operationName = reader.GetString();
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        SkipRest(ref reader);
                        return (null, new HttpRequestError(400, "The \"operationName\" parameter must be a string or null."));
                    }
                }
                else if (reader.ValueTextEquals("variables"u8) || reader.ValueTextEquals("extensions"u8))
                {
                    var isVariables = reader.ValueTextEquals("variables"u8);
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        var element = JsonElement.ParseValue(ref reader);
                        var map = JsonInput.ToDictionary(element);
                        if (isVariables)
                        {
                            variables = map;
                        }
                        else
                        {
                            extensions = map;
                        }
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        SkipRest(ref reader);
                        return (null, new HttpRequestError(400, $"The \"{(isVariables ? "variables" : "extensions")}\" parameter must be a JSON object or null."));
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            SkipRest(ref reader);
        }
        catch (JsonException error)
        {
            return (null, new HttpRequestError(400, $"The request body is not valid JSON: {error.Message}"));
        }
        if (query is null)
        {
            return (null, new HttpRequestError(400, "The GraphQL request must have a \"query\" parameter."));
        }
        return (new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions }, null);
    }

    private static void SkipRest(ref Utf8JsonReader reader)
    {
        // Reading to the end makes malformed JSON after a wrong-typed parameter a JSON error, consistently.
        while (reader.Read())
        {
        }
    }

    private static bool TryParseObject(string json, out Dictionary<string, object?>? value)
    {
        value = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return true;
            }
            value = JsonInput.ToDictionary(document.RootElement);
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static HttpRequestError TooLarge(long max) => new(413, $"The request body is larger than {max} bytes.");
}
