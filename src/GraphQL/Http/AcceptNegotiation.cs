using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace RfmGraph.GraphQL.Http;

/// <summary>Picks the response media type from the Accept header (GraphQL over HTTP, "Accept").</summary>
internal static class AcceptNegotiation
{
    /// <summary>
    /// The acceptable media type with the highest quality; on a tie application/graphql-response+json wins (the
    /// spec's preferred type). No Accept header means application/json (legacy clients).
    /// </summary>
    public static ResponseMediaType Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
        {
            return ResponseMediaType.Json;
        }
        if (!MediaTypeHeaderValue.TryParseList(accept, out var values) || values.Count == 0)
        {
            return ResponseMediaType.Json;
        }
        var best = ResponseMediaType.None;
        var bestQuality = 0.0;
        foreach (var value in values)
        {
            var quality = value.Quality ?? 1.0;
            if (quality <= 0 || !IsUtf8(value))
            {
                continue;
            }
            var candidate = Classify(value);
            if (candidate == ResponseMediaType.None)
            {
                continue;
            }
            if (quality > bestQuality || (quality == bestQuality && candidate == ResponseMediaType.GraphQLResponse))
            {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best;
    }

    /// <summary>True when the client prefers an HTML page (a browser navigating to the endpoint).</summary>
    public static bool PrefersHtml(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var values))
        {
            return false;
        }
        foreach (var value in values)
        {
            if (value.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (value.Quality ?? 1.0) > 0)
            {
                return true;
            }
        }
        return false;
    }

    private static ResponseMediaType Classify(MediaTypeHeaderValue value)
    {
        var type = value.MediaType;
        if (type.Equals("application/graphql-response+json", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseMediaType.GraphQLResponse;
        }
        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/*", StringComparison.OrdinalIgnoreCase)
            || type.Equals("*/*", StringComparison.OrdinalIgnoreCase))
        {
            // Wildcards get application/json: the watershed rule for clients that did not ask for the new type.
            return ResponseMediaType.Json;
        }
        return ResponseMediaType.None;
    }

    private static bool IsUtf8(MediaTypeHeaderValue value) =>
        !value.Charset.HasValue || value.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || value.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
