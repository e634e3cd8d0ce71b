using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Validation;

namespace RfmGraph.Bench.GraphQL;

/// <summary>Parse, validate and execute of the nested query (b), each alone, with allocations per operation.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class EngineBenchmarks
{
    private Schema _schema = null!;
    private DocumentNode _document = null!;
    private GraphQLExecutor _cached = null!;
    private GraphQLExecutor _uncached = null!;
    private GraphQLRequest _request = null!;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = BenchSchema.Build();
        _document = Parser.Parse(BenchSchema.NestedQuery);
        _cached = BenchSchema.CreateExecutor();
        _uncached = BenchSchema.CreateExecutor(GraphQLOptions.Default with { DocumentCacheSize = 0 });
        _request = new GraphQLRequest { Query = BenchSchema.NestedQuery };
        _writer = new Utf8JsonWriter(Stream.Null, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Description = "parse (b)")]
    public DocumentNode Parse() => Parser.Parse(BenchSchema.NestedQuery);

    [Benchmark(Description = "validate (b)")]
    public int Validate() => DocumentValidator.Validate(_schema, _document).Count;

    /// <summary>Execution plus JSON writing, document from the executor's cache (what a repeated request costs).</summary>
    [Benchmark(Description = "execute + write (b), cached document")]
    public async Task Execute()
    {
        var result = await _cached.ExecuteAsync(_request);
        _writer.Reset(Stream.Null);
        result.WriteTo(_writer);
        _writer.Flush();
    }

    /// <summary>Everything a first-seen document costs: parse, validate, execute, write.</summary>
    [Benchmark(Description = "parse + validate + execute + write (b)")]
    public async Task FullPipeline()
    {
        var result = await _uncached.ExecuteAsync(_request);
        _writer.Reset(Stream.Null);
        result.WriteTo(_writer);
        _writer.Flush();
    }
}
