using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RfmGraph.GraphQL.Execution;

namespace RfmGraph.GraphQL.Http;

/// <summary>Writes results straight from the engine's <see cref="Utf8JsonWriter"/> into the response body pipe.</summary>
internal static class GraphQLResponseWriter
{
    /// <summary>
    /// Strings are escaped like JavaScript's JSON.stringify (only what JSON requires), so responses match
    /// graphql-js byte for byte and non-ASCII text is not inflated into \u escapes.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static async Task WriteResultAsync(HttpResponse response, int statusCode, ResponseMediaType mediaType, ExecutionResult result, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = MediaTypeNames.For(mediaType);
        Write(response, result);
        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpResponse response, int statusCode, ResponseMediaType mediaType, string message, CancellationToken cancellationToken) =>
        WriteResultAsync(response, statusCode, mediaType == ResponseMediaType.None ? ResponseMediaType.Json : mediaType, ExecutionResult.FromErrors([new GraphQLError(message)]), cancellationToken);

    private static void Write(HttpResponse response, ExecutionResult result)
    {
        // One writer per thread, re-pointed at each response: the writer itself is the only per-request allocation saved,
        // but it is hot (every request) and the write is synchronous, so nothing else can use it meanwhile.
        var writer = t_writer;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
            t_writer = writer;
        }
        else
        {
            writer.Reset(response.BodyWriter);
        }
        try
        {
            result.WriteTo(writer);
            writer.Flush();
        }
        finally
        {
            // Drop the reference to the response's pipe so a finished request is not kept alive by the cache.
            writer.Reset(Stream.Null);
        }
    }
}
