using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using RfmGraph.GraphQL.Http;

namespace RfmGraph.GraphQL;

/// <summary>
/// The GraphiQL page: a static HTML shell that loads React and GraphiQL from the assets the build copied from npm
/// (never from a CDN), with the headers editor open so the user can paste a token.
/// </summary>
internal sealed class GraphiQLPage(string endpointPath, GraphQLHttpOptions options)
{
    /// <summary>The asset files served under <c>{endpoint}/graphiql/</c>, with their content types.</summary>
    public static readonly IReadOnlyDictionary<string, string> Assets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["react.production.min.js"] = "text/javascript; charset=utf-8",
        ["react-dom.production.min.js"] = "text/javascript; charset=utf-8",
        ["graphiql.min.js"] = "text/javascript; charset=utf-8",
        ["graphiql.min.css"] = "text/css; charset=utf-8",
    };

    private readonly byte[] _html = Encoding.UTF8.GetBytes(Render(endpointPath, options.GraphiQLDefaultHeaders));

    public async Task WriteAsync(HttpContext context)
    {
        if (!AssetsPresent())
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                $"The GraphiQL assets are missing in {options.GraphiQLAssetsPath}. Run `npm ci` in src/GraphQL/GraphiQL and rebuild " +
                "(scripts/run.sh and scripts/test.sh do this). The GraphQL endpoint itself works without them.",
                context.RequestAborted).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.WriteAsync(_html, context.RequestAborted).ConfigureAwait(false);
    }

    public async Task WriteAssetAsync(HttpContext context, string name)
    {
        if (!Assets.TryGetValue(name, out var contentType) || !File.Exists(Path.Combine(options.GraphiQLAssetsPath, name)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "public, max-age=86400";
        await context.Response.SendFileAsync(Path.Combine(options.GraphiQLAssetsPath, name), context.RequestAborted).ConfigureAwait(false);
    }

    private bool AssetsPresent() => Assets.Keys.All(name => File.Exists(Path.Combine(options.GraphiQLAssetsPath, name)));

    private static string Render(string endpointPath, string defaultHeaders)
    {
        var assets = endpointPath.TrimEnd('/') + "/graphiql/";
        var js = JavaScriptEncoder.Default;
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>GraphiQL</title>
              <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
              <link rel="stylesheet" href="{{WebUtility.HtmlEncode(assets)}}graphiql.min.css" />
            </head>
            <body>
              <div id="graphiql">Loading GraphiQL…</div>
              <script src="{{WebUtility.HtmlEncode(assets)}}react.production.min.js"></script>
              <script src="{{WebUtility.HtmlEncode(assets)}}react-dom.production.min.js"></script>
              <script src="{{WebUtility.HtmlEncode(assets)}}graphiql.min.js"></script>
              <script>
                // Requests need credentials: paste the token the Host prints at start-up into the Headers tab.
                const endpoint = new URL("{{js.Encode(endpointPath)}}", window.location.href).toString();
                const fetcher = GraphiQL.createFetcher({ url: endpoint });
                const root = ReactDOM.createRoot(document.getElementById('graphiql'));
                root.render(React.createElement(GraphiQL, {
                  fetcher,
                  defaultHeaders: "{{js.Encode(defaultHeaders)}}",
                  defaultEditorToolsVisibility: 'headers',
                  isHeadersEditorEnabled: true,
                  shouldPersistHeaders: true,
                }));
              </script>
            </body>
            </html>
            """;
    }
}
