using System.Buffers;
using System.Text;
using System.Text.Json;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Types;

/// <summary>
/// The engine's own scalars (DateTime, Date, Decimal, Long): what each coercion accepts, what it writes, and the
/// exact message for what it rejects. Inputs are literals as written in a document, or JSON as a request carries it.
/// </summary>
public sealed class ExtendedScalarTests
{
    public static TheoryData<string, string, string> Literals => new()
    {
        { "Long", "9223372036854775807", "ok:9223372036854775807" },
        { "Long", "-9223372036854775808", "ok:-9223372036854775808" },
        { "Long", "9223372036854775808", "error:Long cannot represent non 64-bit signed integer value: 9223372036854775808" },
        { "Long", "1.5", "error:Long cannot represent non-integer value: 1.5" },
        { "Long", "\"12\"", "error:Long cannot represent non-integer value: \"12\"" },
        { "Long", "true", "error:Long cannot represent non-integer value: true" },
        { "Decimal", "12.50", "ok:12.50" },
        { "Decimal", "-7", "ok:-7" },
        { "Decimal", "\"0.1000000000000000000000000001\"", "ok:0.1000000000000000000000000001" },
        { "Decimal", "1.5e3", "ok:1500" },
        { "Decimal", "1e30", "error:Decimal cannot represent out-of-range value: 1e30" },
        { "Decimal", "\"1e30\"", "error:Decimal cannot represent out-of-range value: \"1e30\"" },
        { "Decimal", "\"abc\"", "error:Decimal cannot represent non-numeric value: \"abc\"" },
        { "Decimal", "\" 12\"", "error:Decimal cannot represent non-numeric value: \" 12\"" },
        { "Decimal", "\"NaN\"", "error:Decimal cannot represent non-numeric value: \"NaN\"" },
        { "Decimal", "true", "error:Decimal cannot represent non-numeric value: true" },
        { "Decimal", "[1]", "error:Decimal cannot represent non-numeric value: [1]" },
        { "DateTime", "\"2024-05-01T12:30:00Z\"", "ok:2024-05-01T12:30:00Z" },
        { "DateTime", "\"2024-05-01T12:30:00.125+02:00\"", "ok:2024-05-01T12:30:00.125+02:00" },
        { "DateTime", "\"2024-05-01t12:30:00z\"", "ok:2024-05-01T12:30:00Z" },
        { "DateTime", "\"2024-05-01T12:30:00\"", "error:DateTime cannot represent an invalid date-time-string \"2024-05-01T12:30:00\"." },
        { "DateTime", "\"2024-02-30T00:00:00Z\"", "error:DateTime cannot represent an invalid date-time-string \"2024-02-30T00:00:00Z\"." },
        { "DateTime", "\"2024-05-01T12:30:00+0200\"", "error:DateTime cannot represent an invalid date-time-string \"2024-05-01T12:30:00+0200\"." },
        { "DateTime", "\"2024-05-01\"", "error:DateTime cannot represent an invalid date-time-string \"2024-05-01\"." },
        { "DateTime", "1714566600", "error:DateTime cannot represent non-string value: 1714566600" },
        { "Date", "\"2024-02-29\"", "ok:2024-02-29" },
        { "Date", "\"2023-02-29\"", "error:Date cannot represent an invalid date-string \"2023-02-29\"." },
        { "Date", "\"2024-05-01T00:00:00Z\"", "error:Date cannot represent an invalid date-string \"2024-05-01T00:00:00Z\"." },
        { "Date", "20240501", "error:Date cannot represent non-string value: 20240501" },
    };

    public static TheoryData<string, string, string> Values => new()
    {
        { "Long", "9007199254740993", "ok:9007199254740993" },
        { "Long", "-42", "ok:-42" },
        { "Long", "4.0", "ok:4" },
        { "Long", "1.5", "error:Long cannot represent non-integer value: 1.5" },
        { "Long", "1e19", "error:Long cannot represent non 64-bit signed integer value: 10000000000000000000" },
        { "Long", "\"12\"", "error:Long cannot represent non-integer value: \"12\"" },
        { "Long", "true", "error:Long cannot represent non-integer value: true" },
        { "Decimal", "\"12.50\"", "ok:12.50" },
        { "Decimal", "\"79228162514264337593543950335\"", "ok:79228162514264337593543950335" },
        { "Decimal", "0.25", "ok:0.25" },
        { "Decimal", "1e300", "error:Decimal cannot represent out-of-range value: 1e+300" },
        { "Decimal", "\"79228162514264337593543950336\"", "error:Decimal cannot represent out-of-range value: \"79228162514264337593543950336\"" },
        { "Decimal", "\"12,5\"", "error:Decimal cannot represent non-numeric value: \"12,5\"" },
        { "Decimal", "\"\"", "error:Decimal cannot represent non-numeric value: \"\"" },
        { "Decimal", "false", "error:Decimal cannot represent non-numeric value: false" },
        { "DateTime", "\"2024-05-01T23:30:00-05:00\"", "ok:2024-05-01T23:30:00-05:00" },
        { "DateTime", "\"2024-05-01T23:30:00.1234567Z\"", "ok:2024-05-01T23:30:00.1234567Z" },
        { "DateTime", "\"yesterday\"", "error:DateTime cannot represent an invalid date-time-string \"yesterday\"." },
        { "DateTime", "17", "error:DateTime cannot represent non-string value: 17" },
        { "Date", "\"0001-01-01\"", "ok:0001-01-01" },
        { "Date", "\"2024-5-1\"", "error:Date cannot represent an invalid date-string \"2024-5-1\"." },
        { "Date", "true", "error:Date cannot represent non-string value: true" },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Literal_coercion(string scalar, string literal, string expected)
    {
        var type = Scalars.Extended.Single(s => s.Name == scalar);
        Assert.Equal(expected, Attempt(type, () => type.ParseLiteral(Parser.ParseValue(literal))));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Value_coercion(string scalar, string json, string expected)
    {
        var type = Scalars.Extended.Single(s => s.Name == scalar);
        var input = JsonInput.Parse(json)!;
        Assert.Equal(expected, Attempt(type, () => type.ParseValue(input)));
    }

    [Fact]
    public void Result_coercion_writes_every_digit_and_normalizes_times()
    {
        Assert.Equal("9223372036854775807", Written(Scalars.Long, long.MaxValue));
        Assert.Equal("12", Written(Scalars.Long, 12));
        Assert.Equal("12.50", Written(Scalars.Decimal, 12.50m));
        Assert.Equal("79228162514264337593543950335", Written(Scalars.Decimal, decimal.MaxValue));
        Assert.Equal("\"2024-05-01T10:00:00Z\"", Written(Scalars.DateTime, new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc)));
        // A DateTime of unspecified kind is what EF Core reads from "timestamp without time zone": taken as UTC.
        Assert.Equal("\"2024-05-01T10:00:00Z\"", Written(Scalars.DateTime, new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("\"2024-05-01T10:00:00.5+05:30\"", Written(Scalars.DateTime, new DateTimeOffset(2024, 5, 1, 10, 0, 0, 500, TimeSpan.FromMinutes(330))));
        Assert.Equal("\"2024-05-01\"", Written(Scalars.Date, new DateOnly(2024, 5, 1)));
        Assert.Equal("\"2024-05-01\"", Written(Scalars.Date, new DateTime(2024, 5, 1, 23, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Result_coercion_rejects_values_of_another_kind()
    {
        Assert.Equal("error:Long cannot represent non-integer value: 1.5", Attempt(Scalars.Long, () => Scalars.Long.Serialize(1.5)));
        Assert.Equal("error:Decimal cannot represent non-numeric value: true", Attempt(Scalars.Decimal, () => Scalars.Decimal.Serialize(true)));
        Assert.Equal("error:Decimal cannot represent non-numeric value: NaN", Attempt(Scalars.Decimal, () => Scalars.Decimal.Serialize(double.NaN)));
        Assert.Equal("error:DateTime cannot represent value: 5", Attempt(Scalars.DateTime, () => Scalars.DateTime.Serialize(5)));
        Assert.Equal("error:Date cannot represent value: true", Attempt(Scalars.Date, () => Scalars.Date.Serialize(true)));
    }

    [Fact]
    public async Task Requests_see_the_scalar_messages_with_path_and_variable()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q
                .Field("shift", "Date!", f => f.Argument("from", "Date!").Argument("days", "Int!")
                    .Resolve((_, context) => context.Argument<DateOnly>("from").AddDays(context.Argument<int>("days"))))
                .Field("total", "Decimal!", f => f.Argument("amounts", "[Decimal!]!")
                    .Resolve((_, context) => context.Argument<decimal[]>("amounts").Sum()))
                .Field("badLong", "Long", _ => (object)"not a number"))
            .Build();
        var executor = new GraphQLExecutor(schema);

        var ok = await executor.ExecuteAsync(new GraphQLRequest
        {
            Query = "query($d: Date!) { shift(from: $d, days: 1) total(amounts: [\"0.1\", 0.2, \"0.3000000000000000000000000001\"]) }",
            Variables = new Dictionary<string, object?> { ["d"] = "2024-02-28" },
        });
        Assert.Equal("{\"data\":{\"shift\":\"2024-02-29\",\"total\":0.6000000000000000000000000001}}", ok.ToJson());

        var badVariable = await executor.ExecuteAsync(new GraphQLRequest
        {
            Query = "query($d: Date!) { shift(from: $d, days: 1) }",
            Variables = new Dictionary<string, object?> { ["d"] = "2024-02-30" },
        });
        Assert.Equal(
            "{\"errors\":[{\"message\":\"Variable \\\"$d\\\" got invalid value \\\"2024-02-30\\\"; Date cannot represent an invalid date-string \\\"2024-02-30\\\".\",\"locations\":[{\"line\":1,\"column\":7}]}]}",
            badVariable.ToJson());

        var badResult = await executor.ExecuteAsync(new GraphQLRequest { Query = "{ badLong }" });
        Assert.Equal(
            "{\"errors\":[{\"message\":\"Long cannot represent non-integer value: \\\"not a number\\\"\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"badLong\"]}],\"data\":{\"badLong\":null}}",
            badResult.ToJson());
    }

    private static string Attempt(ScalarType type, Func<object> coerce)
    {
        try
        {
            return "ok:" + Unquoted(Written(type, coerce()));
        }
        catch (CoercionException error)
        {
            return "error:" + error.Message;
        }
    }

    private static string Unquoted(string json) => json.StartsWith('"') ? JsonSerializer.Deserialize<string>(json)! : json;

    private static string Written(ScalarType type, object value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            type.Write(writer, value);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
