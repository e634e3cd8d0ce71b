using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RfmGraph.Bench.Data;

/// <summary>POSTs GraphQL requests to the Host with an API key; any error fails the benchmark.</summary>
internal sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(Uri baseAddress, string apiKey)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
    }

    public async Task<JsonElement> PostAsync(string query, object variables)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        using var response = await _http.PostAsync(new Uri("graphql", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        if (!response.IsSuccessStatusCode || json.RootElement.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"GraphQL request failed ({(int)response.StatusCode}): {text}");
        }

        return json.RootElement.GetProperty("data").Clone();
    }

    public void Dispose() => _http.Dispose();
}
