using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RfmGraph.GraphQL.Execution;

namespace RfmGraph.GraphQL.Tests.Oracle;

/// <summary>
/// The engine writes strings in results and error messages like JavaScript's JSON.stringify, whatever encoder the
/// caller's <see cref="Utf8JsonWriter"/> uses. Expected texts were printed by Node 22's JSON.stringify.
/// </summary>
public sealed class OracleStringEscapingTests
{
    public static TheoryData<string, string> Strings => new()
    {
        { "rocket 🚀", "\"Hello, rocket 🚀!\"" },
        { "+<>&'é", "\"Hello, +<>&'é!\"" },
        { "a\u0001b\u001f\u007f", "\"Hello, a\\u0001b\\u001f\u007f!\"" },
        { "\u2028\u2029", "\"Hello, \u2028\u2029!\"" },
        { "\b\f\n\r\t\"\\", "\"Hello, \\b\\f\\n\\r\\t\\\"\\\\!\"" },
        { new string('é', 300) + "🚀", "\"Hello, " + new string('é', 300) + "🚀!\"" },
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public async Task Result_strings_are_written_like_JSON_stringify_with_any_encoder(string name, string expectedHello)
    {
        var result = await Executor.Value.ExecuteAsync(new GraphQLRequest
        {
            Query = "query($name: String) { hello(name: $name) }",
            Variables = new Dictionary<string, object?> { ["name"] = name },
        });
        Assert.Empty(result.Errors);
        var expected = "{\"hello\":" + expectedHello + "}";
        Assert.Equal(expected, Data(result, JavaScriptEncoder.Default));
        Assert.Equal(expected, Data(result, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
        Assert.Equal(expectedHello, OracleJson.Quote($"Hello, {name}!"));
    }

    /// <summary>Lone surrogates (built here: xunit cannot carry them through theory data) are escaped.</summary>
    [Fact]
    public async Task Lone_surrogates_are_escaped_like_JSON_stringify()
    {
        await Result_strings_are_written_like_JSON_stringify_with_any_encoder("lone \ud83d high", "\"Hello, lone \\ud83d high!\"");
        await Result_strings_are_written_like_JSON_stringify_with_any_encoder("lone \ude80 low", "\"Hello, lone \\ude80 low!\"");
        await Result_strings_are_written_like_JSON_stringify_with_any_encoder("\ude80\ud83d reversed", "\"Hello, \\ude80\\ud83d reversed!\"");
    }

    [Fact]
    public async Task Error_messages_quote_input_like_graphql_js_inspect()
    {
        var result = await Executor.Value.ExecuteAsync(new GraphQLRequest
        {
            Query = "query($v: Decimal!) { echoDecimal(value: $v) }",
            Variables = new Dictionary<string, object?> { ["v"] = "+1 🚀" },
        });
        Assert.False(result.HasData);
        var expected = "{\"errors\":[{\"message\":\"Variable \\\"$v\\\" got invalid value \\\"+1 🚀\\\"; Decimal cannot represent an invalid or out-of-range decimal string: \\\"+1 🚀\\\".\",\"locations\":[{\"line\":1,\"column\":7}]}]}";
        Assert.Equal(expected, Response(result, JavaScriptEncoder.Default));
    }

    private static readonly Lazy<GraphQLExecutor> Executor = new(() => new GraphQLExecutor(OracleSchema.Build()));

    private static string Data(ExecutionResult result, JavaScriptEncoder encoder) => Write(writer => result.WriteDataTo(writer), encoder);

    private static string Response(ExecutionResult result, JavaScriptEncoder encoder) => Write(result.WriteTo, encoder);

    private static string Write(Action<Utf8JsonWriter> write, JavaScriptEncoder encoder)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
