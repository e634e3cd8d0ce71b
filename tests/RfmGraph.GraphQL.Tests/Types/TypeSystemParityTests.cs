using System.Globalization;
using System.Text.Json;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Types;

/// <summary>
/// Expected values recorded from graphql-js 16 (printSchema(buildSchema(sdl)), validateSchema messages and
/// locations, and the built-in scalars' parseLiteral / parseValue / serialize) for the same inputs.
/// </summary>
public sealed class TypeSystemParityTests
{
    public static TheoryData<string, string> PrintedSchemas => new()
    {
        { "\"\"\"The root\"\"\"\ntype Query implements Node & Named {\n  \"the id\"\n  id: ID!\n  name(\n    \"how to format\"\n    format: String = \"short\"\n    upper: Boolean = false\n  ): String @deprecated(reason: \"use label\")\n  label: String @deprecated\n  search(term: String!, first: Int = 10, kinds: [Kind!] = [A, B], filter: Filter = {eq: \"x\", nested: {n: 1.5}}): [Result!]!\n  when: DateTime\n}\ninterface Node { id: ID! }\ninterface Named implements Node { id: ID! name(format: String = \"short\", upper: Boolean = false): String @deprecated(reason: \"use label\") }\nunion Result = Query | Other\ntype Other { x: Int, y: [[Float!]]! }\nenum Kind { A \"second\" B C @deprecated(reason: \"gone\") }\ninput Filter { eq: String, nested: Nested, list: [Int!] = [1, 2] }\ninput Nested { n: Float = 2 }\ninput Choice @oneOf { a: String b: Int }\n\"A date-time\"\nscalar DateTime @specifiedBy(url: \"https://scalars.graphql.org/andimarek/date-time\")\ndirective @cost(weight: Int! = 1, \"why\" reason: String) repeatable on FIELD_DEFINITION | OBJECT\ntype Mutation { choose(choice: Choice!): Int }\n", "directive @cost(\n  weight: Int! = 1\n\n  \"\"\"why\"\"\"\n  reason: String\n) repeatable on FIELD_DEFINITION | OBJECT\n\n\"\"\"The root\"\"\"\ntype Query implements Node & Named {\n  \"\"\"the id\"\"\"\n  id: ID!\n  name(\n    \"\"\"how to format\"\"\"\n    format: String = \"short\"\n    upper: Boolean = false\n  ): String @deprecated(reason: \"use label\")\n  label: String @deprecated\n  search(term: String!, first: Int = 10, kinds: [Kind!] = [A, B], filter: Filter = {eq: \"x\", nested: {n: 1.5}, list: [1, 2]}): [Result!]!\n  when: DateTime\n}\n\ninterface Node {\n  id: ID!\n}\n\ninterface Named implements Node {\n  id: ID!\n  name(format: String = \"short\", upper: Boolean = false): String @deprecated(reason: \"use label\")\n}\n\nunion Result = Query | Other\n\ntype Other {\n  x: Int\n  y: [[Float!]]!\n}\n\nenum Kind {\n  A\n\n  \"\"\"second\"\"\"\n  B\n  C @deprecated(reason: \"gone\")\n}\n\ninput Filter {\n  eq: String\n  nested: Nested\n  list: [Int!] = [1, 2]\n}\n\ninput Nested {\n  n: Float = 2\n}\n\ninput Choice @oneOf {\n  a: String\n  b: Int\n}\n\n\"\"\"A date-time\"\"\"\nscalar DateTime @specifiedBy(url: \"https://scalars.graphql.org/andimarek/date-time\")\n\ntype Mutation {\n  choose(choice: Choice!): Int\n}" },
        { "schema { query: Root mutation: Change }\ntype Root { a: String }\ntype Change { b(x: ID = 12, y: ID = \"abc\"): String }\nextend type Root { c: Int }\n", "schema {\n  query: Root\n  mutation: Change\n}\n\ntype Root {\n  a: String\n  c: Int\n}\n\ntype Change {\n  b(x: ID = 12, y: ID = \"abc\"): String\n}" },
        { "\"\"\"\nMulti-line\n  description\n\"\"\"\nschema { query: Q }\ntype Q { \"single \\\"quoted\\\"\" a: String, b: String @deprecated(reason: \"\") }\n", "\"\"\"\nMulti-line\n  description\n\"\"\"\nschema {\n  query: Q\n}\n\ntype Q {\n  \"\"\"\n  single \"quoted\"\n  \"\"\"\n  a: String\n  b: String @deprecated(reason: \"\")\n}" },
    };

    public static TheoryData<string, string, string> InvalidSchemas => new()
    {
        { "type Query { a: String } type Empty", "Type Empty must define one or more fields.", "1:26" },
        { "type Query { a: String } interface I { f(a: Int): String } type T implements I { g: Int }", "Interface field I.f expected but T does not provide it.", "1:40;1:60" },
        { "type Query { a: String } interface I { f(a: Int): String } type T implements I { f: String }", "Interface field argument I.f(a:) expected but T.f does not provide it.", "1:42;1:82" },
        { "type Query { a: String } interface I { f(a: Int): String } type T implements I { f(a: String): String }", "Interface field argument I.f(a:) expects type Int but T.f(a:) is type String.", "1:45;1:87" },
        { "type Query { a: String } interface I { f: String } type T implements I { f: Int }", "Interface field I.f expects type String but T.f is type Int.", "1:43;1:77" },
        { "type Query { a: String } interface I { f: String } type T implements I { f(req: Int!): String }", "Object field T.f includes required argument req that is missing from the Interface field I.f.", "1:76;1:40" },
        { "type Query { a: String } interface I { f: String } interface J implements I { f: String } type T implements J { f: String }", "Type T must implement I because it is implemented by J.", "1:75;1:109" },
        { "type Query { a: String } interface I implements J { f: String } interface J implements I { f: String }", "Type I cannot implement J because it would create a circular reference. | Type J cannot implement I because it would create a circular reference.", "1:88;1:49 | 1:49;1:88" },
        { "type Query { a: String } input A { b: B! } input B { a: A! }", "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\".", "1:36;1:54" },
        { "type Query { a: String } input A { self: A! }", "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"self\".", "1:36" },
        { "type Query { a: String } input O @oneOf { a: String! b: Int = 3 }", "OneOf input field O.a must be nullable. | OneOf input field O.b cannot have a default value.", "1:46 | 1:54" },
        { "type Query { a(x: Int! @deprecated): String } input I { y: Int! @deprecated } directive @d(z: Int! @deprecated) on FIELD", "Required argument @d(z:) cannot be deprecated. | Required argument Query.a(x:) cannot be deprecated. | Required input field I.y cannot be deprecated.", "1:100;1:95 | 1:24;1:19 | 1:65;1:60" },
        { "type Query { __bad: String } type __Bad { a: Int } enum E { __V }", "Name \"__bad\" must not begin with \"__\", which is reserved by GraphQL introspection. | Name \"__Bad\" must not begin with \"__\", which is reserved by GraphQL introspection. | Name \"__V\" must not begin with \"__\", which is reserved by GraphQL introspection.", "1:14 | 1:30 | 1:61" },
        { "type Query { a: String } union U", "Union type U must define one or more member types.", "1:26" },
        { "type Query { a: String } enum E", "Enum type E must define one or more values.", "1:26" },
        { "type Query { a: String } input I", "Input Object type I must define one or more fields.", "1:26" },
        { "type Query { a: String } type T implements I & I { a: Int } interface I { a: Int }", "Type T can only implement I once.", "1:44;1:48" },
        { "type Query { f: Query } interface I { f: I } type T implements I { f: T }", "", "" },
        { "type Query { f: [Query] } interface I { f: [I!] } type T implements I { f: [T] }", "Interface field I.f expects type [I!] but T.f is type [T].", "1:44;1:76" },
        { "type Mutation { a: String }", "Query root type must be provided.", "" },
    };

    public static TheoryData<string, string, string> Literals => new()
    {
        { "Int", "1", "ok:1" },
        { "Int", "-5", "ok:-5" },
        { "Int", "2147483648", "error:Int cannot represent non 32-bit signed integer value: 2147483648" },
        { "Int", "-2147483649", "error:Int cannot represent non 32-bit signed integer value: -2147483649" },
        { "Int", "1.5", "error:Int cannot represent non-integer value: 1.5" },
        { "Int", "\"s\"", "error:Int cannot represent non-integer value: \"s\"" },
        { "Int", "true", "error:Int cannot represent non-integer value: true" },
        { "Int", "ENUM", "error:Int cannot represent non-integer value: ENUM" },
        { "Int", "[1]", "error:Int cannot represent non-integer value: [1]" },
        { "Int", "{a: 1}", "error:Int cannot represent non-integer value: {a: 1}" },
        { "Int", "1e3", "error:Int cannot represent non-integer value: 1e3" },
        { "Int", "\"\"", "error:Int cannot represent non-integer value: \"\"" },
        { "Int", "\"123\"", "error:Int cannot represent non-integer value: \"123\"" },
        { "Float", "1", "ok:1" },
        { "Float", "-5", "ok:-5" },
        { "Float", "2147483648", "ok:2147483648" },
        { "Float", "-2147483649", "ok:-2147483649" },
        { "Float", "1.5", "ok:1.5" },
        { "Float", "\"s\"", "error:Float cannot represent non numeric value: \"s\"" },
        { "Float", "true", "error:Float cannot represent non numeric value: true" },
        { "Float", "ENUM", "error:Float cannot represent non numeric value: ENUM" },
        { "Float", "[1]", "error:Float cannot represent non numeric value: [1]" },
        { "Float", "{a: 1}", "error:Float cannot represent non numeric value: {a: 1}" },
        { "Float", "1e3", "ok:1000" },
        { "Float", "\"\"", "error:Float cannot represent non numeric value: \"\"" },
        { "Float", "\"123\"", "error:Float cannot represent non numeric value: \"123\"" },
        { "String", "1", "error:String cannot represent a non string value: 1" },
        { "String", "-5", "error:String cannot represent a non string value: -5" },
        { "String", "2147483648", "error:String cannot represent a non string value: 2147483648" },
        { "String", "-2147483649", "error:String cannot represent a non string value: -2147483649" },
        { "String", "1.5", "error:String cannot represent a non string value: 1.5" },
        { "String", "\"s\"", "ok:\"s\"" },
        { "String", "true", "error:String cannot represent a non string value: true" },
        { "String", "ENUM", "error:String cannot represent a non string value: ENUM" },
        { "String", "[1]", "error:String cannot represent a non string value: [1]" },
        { "String", "{a: 1}", "error:String cannot represent a non string value: {a: 1}" },
        { "String", "1e3", "error:String cannot represent a non string value: 1e3" },
        { "String", "\"\"", "ok:\"\"" },
        { "String", "\"123\"", "ok:\"123\"" },
        { "Boolean", "1", "error:Boolean cannot represent a non boolean value: 1" },
        { "Boolean", "-5", "error:Boolean cannot represent a non boolean value: -5" },
        { "Boolean", "2147483648", "error:Boolean cannot represent a non boolean value: 2147483648" },
        { "Boolean", "-2147483649", "error:Boolean cannot represent a non boolean value: -2147483649" },
        { "Boolean", "1.5", "error:Boolean cannot represent a non boolean value: 1.5" },
        { "Boolean", "\"s\"", "error:Boolean cannot represent a non boolean value: \"s\"" },
        { "Boolean", "true", "ok:true" },
        { "Boolean", "ENUM", "error:Boolean cannot represent a non boolean value: ENUM" },
        { "Boolean", "[1]", "error:Boolean cannot represent a non boolean value: [1]" },
        { "Boolean", "{a: 1}", "error:Boolean cannot represent a non boolean value: {a: 1}" },
        { "Boolean", "1e3", "error:Boolean cannot represent a non boolean value: 1e3" },
        { "Boolean", "\"\"", "error:Boolean cannot represent a non boolean value: \"\"" },
        { "Boolean", "\"123\"", "error:Boolean cannot represent a non boolean value: \"123\"" },
        { "ID", "1", "ok:\"1\"" },
        { "ID", "-5", "ok:\"-5\"" },
        { "ID", "2147483648", "ok:\"2147483648\"" },
        { "ID", "-2147483649", "ok:\"-2147483649\"" },
        { "ID", "1.5", "error:ID cannot represent a non-string and non-integer value: 1.5" },
        { "ID", "\"s\"", "ok:\"s\"" },
        { "ID", "true", "error:ID cannot represent a non-string and non-integer value: true" },
        { "ID", "ENUM", "error:ID cannot represent a non-string and non-integer value: ENUM" },
        { "ID", "[1]", "error:ID cannot represent a non-string and non-integer value: [1]" },
        { "ID", "{a: 1}", "error:ID cannot represent a non-string and non-integer value: {a: 1}" },
        { "ID", "1e3", "error:ID cannot represent a non-string and non-integer value: 1e3" },
        { "ID", "\"\"", "ok:\"\"" },
        { "ID", "\"123\"", "ok:\"123\"" },
    };

    // JavaScript has one number type: the recorded inputs 1 and 1.0 are one case (both print as 1), listed once.
    public static TheoryData<string, string, string, string> Values => new()
    {
        { "Int", "1", "ok:1", "ok:1" },
        { "Int", "-5", "ok:-5", "ok:-5" },
        { "Int", "2147483648", "error:Int cannot represent non 32-bit signed integer value: 2147483648", "error:Int cannot represent non 32-bit signed integer value: 2147483648" },
        { "Int", "1.5", "error:Int cannot represent non-integer value: 1.5", "error:Int cannot represent non-integer value: 1.5" },
        { "Int", "\"abc\"", "error:Int cannot represent non-integer value: \"abc\"", "error:Int cannot represent non-integer value: \"abc\"" },
        { "Int", "\"\"", "error:Int cannot represent non-integer value: \"\"", "error:Int cannot represent non-integer value: \"\"" },
        { "Int", "\"12\"", "error:Int cannot represent non-integer value: \"12\"", "ok:12" },
        { "Int", "true", "error:Int cannot represent non-integer value: true", "ok:1" },
        { "Int", "false", "error:Int cannot represent non-integer value: false", "ok:0" },
        { "Int", "1e+21", "error:Int cannot represent non 32-bit signed integer value: 1e+21", "error:Int cannot represent non 32-bit signed integer value: 1e+21" },
        { "Int", "[1]", "error:Int cannot represent non-integer value: [1]", "error:Int cannot represent non-integer value: [1]" },
        { "Int", "{\"a\":1}", "error:Int cannot represent non-integer value: { a: 1 }", "error:Int cannot represent non-integer value: { a: 1 }" },
        { "Int", "NaN", "error:Int cannot represent non-integer value: NaN", "error:Int cannot represent non-integer value: NaN" },
        { "Int", "Infinity", "error:Int cannot represent non-integer value: Infinity", "error:Int cannot represent non-integer value: Infinity" },
        { "Int", "12345678901234567000", "error:Int cannot represent non 32-bit signed integer value: 12345678901234567000", "error:Int cannot represent non 32-bit signed integer value: 12345678901234567000" },
        { "Float", "1", "ok:1", "ok:1" },
        { "Float", "-5", "ok:-5", "ok:-5" },
        { "Float", "2147483648", "ok:2147483648", "ok:2147483648" },
        { "Float", "1.5", "ok:1.5", "ok:1.5" },
        { "Float", "\"abc\"", "error:Float cannot represent non numeric value: \"abc\"", "error:Float cannot represent non numeric value: \"abc\"" },
        { "Float", "\"\"", "error:Float cannot represent non numeric value: \"\"", "error:Float cannot represent non numeric value: \"\"" },
        { "Float", "\"12\"", "error:Float cannot represent non numeric value: \"12\"", "ok:12" },
        { "Float", "true", "error:Float cannot represent non numeric value: true", "ok:1" },
        { "Float", "false", "error:Float cannot represent non numeric value: false", "ok:0" },
        { "Float", "1e+21", "ok:1e+21", "ok:1e+21" },
        { "Float", "[1]", "error:Float cannot represent non numeric value: [1]", "error:Float cannot represent non numeric value: [1]" },
        { "Float", "{\"a\":1}", "error:Float cannot represent non numeric value: { a: 1 }", "error:Float cannot represent non numeric value: { a: 1 }" },
        { "Float", "NaN", "error:Float cannot represent non numeric value: NaN", "error:Float cannot represent non numeric value: NaN" },
        { "Float", "Infinity", "error:Float cannot represent non numeric value: Infinity", "error:Float cannot represent non numeric value: Infinity" },
        { "Float", "12345678901234567000", "ok:12345678901234567000", "ok:12345678901234567000" },
        { "String", "1", "error:String cannot represent a non string value: 1", "ok:\"1\"" },
        { "String", "-5", "error:String cannot represent a non string value: -5", "ok:\"-5\"" },
        { "String", "2147483648", "error:String cannot represent a non string value: 2147483648", "ok:\"2147483648\"" },
        { "String", "1.5", "error:String cannot represent a non string value: 1.5", "ok:\"1.5\"" },
        { "String", "\"abc\"", "ok:\"abc\"", "ok:\"abc\"" },
        { "String", "\"\"", "ok:\"\"", "ok:\"\"" },
        { "String", "\"12\"", "ok:\"12\"", "ok:\"12\"" },
        { "String", "true", "error:String cannot represent a non string value: true", "ok:\"true\"" },
        { "String", "false", "error:String cannot represent a non string value: false", "ok:\"false\"" },
        { "String", "1e+21", "error:String cannot represent a non string value: 1e+21", "ok:\"1e+21\"" },
        { "String", "[1]", "error:String cannot represent a non string value: [1]", "error:String cannot represent value: [1]" },
        { "String", "{\"a\":1}", "error:String cannot represent a non string value: { a: 1 }", "error:String cannot represent value: { a: 1 }" },
        { "String", "NaN", "error:String cannot represent a non string value: NaN", "error:String cannot represent value: NaN" },
        { "String", "Infinity", "error:String cannot represent a non string value: Infinity", "error:String cannot represent value: Infinity" },
        { "String", "12345678901234567000", "error:String cannot represent a non string value: 12345678901234567000", "ok:\"12345678901234567000\"" },
        { "Boolean", "1", "error:Boolean cannot represent a non boolean value: 1", "ok:true" },
        { "Boolean", "-5", "error:Boolean cannot represent a non boolean value: -5", "ok:true" },
        { "Boolean", "2147483648", "error:Boolean cannot represent a non boolean value: 2147483648", "ok:true" },
        { "Boolean", "1.5", "error:Boolean cannot represent a non boolean value: 1.5", "ok:true" },
        { "Boolean", "\"abc\"", "error:Boolean cannot represent a non boolean value: \"abc\"", "error:Boolean cannot represent a non boolean value: \"abc\"" },
        { "Boolean", "\"\"", "error:Boolean cannot represent a non boolean value: \"\"", "error:Boolean cannot represent a non boolean value: \"\"" },
        { "Boolean", "\"12\"", "error:Boolean cannot represent a non boolean value: \"12\"", "error:Boolean cannot represent a non boolean value: \"12\"" },
        { "Boolean", "true", "ok:true", "ok:true" },
        { "Boolean", "false", "ok:false", "ok:false" },
        { "Boolean", "1e+21", "error:Boolean cannot represent a non boolean value: 1e+21", "ok:true" },
        { "Boolean", "[1]", "error:Boolean cannot represent a non boolean value: [1]", "error:Boolean cannot represent a non boolean value: [1]" },
        { "Boolean", "{\"a\":1}", "error:Boolean cannot represent a non boolean value: { a: 1 }", "error:Boolean cannot represent a non boolean value: { a: 1 }" },
        { "Boolean", "NaN", "error:Boolean cannot represent a non boolean value: NaN", "error:Boolean cannot represent a non boolean value: NaN" },
        { "Boolean", "Infinity", "error:Boolean cannot represent a non boolean value: Infinity", "error:Boolean cannot represent a non boolean value: Infinity" },
        { "Boolean", "12345678901234567000", "error:Boolean cannot represent a non boolean value: 12345678901234567000", "ok:true" },
        { "ID", "1", "ok:\"1\"", "ok:\"1\"" },
        { "ID", "-5", "ok:\"-5\"", "ok:\"-5\"" },
        { "ID", "2147483648", "ok:\"2147483648\"", "ok:\"2147483648\"" },
        { "ID", "1.5", "error:ID cannot represent value: 1.5", "error:ID cannot represent value: 1.5" },
        { "ID", "\"abc\"", "ok:\"abc\"", "ok:\"abc\"" },
        { "ID", "\"\"", "ok:\"\"", "ok:\"\"" },
        { "ID", "\"12\"", "ok:\"12\"", "ok:\"12\"" },
        { "ID", "true", "error:ID cannot represent value: true", "error:ID cannot represent value: true" },
        { "ID", "false", "error:ID cannot represent value: false", "error:ID cannot represent value: false" },
        { "ID", "1e+21", "ok:\"1e+21\"", "ok:\"1e+21\"" },
        { "ID", "[1]", "error:ID cannot represent value: [1]", "error:ID cannot represent value: [1]" },
        { "ID", "{\"a\":1}", "error:ID cannot represent value: { a: 1 }", "error:ID cannot represent value: { a: 1 }" },
        { "ID", "NaN", "error:ID cannot represent value: NaN", "error:ID cannot represent value: NaN" },
        { "ID", "Infinity", "error:ID cannot represent value: Infinity", "error:ID cannot represent value: Infinity" },
        { "ID", "12345678901234567000", "ok:\"12345678901234567000\"", "ok:\"12345678901234567000\"" },
    };

    [Theory]
    [MemberData(nameof(PrintedSchemas))]
    public void Printed_schema_matches_graphql_js(string sdl, string expected)
    {
        var schema = SchemaBuilder.FromSdl(sdl);
        Assert.Equal(expected, SchemaPrinter.Print(schema));
        // The printed SDL builds the same schema again.
        Assert.Equal(expected, SchemaPrinter.Print(SchemaBuilder.FromSdl(expected)));
    }

    [Theory]
    [MemberData(nameof(InvalidSchemas))]
    public void Schema_validation_matches_graphql_js(string sdl, string messages, string locations)
    {
        var errors = messages.Length == 0
            ? []
            : Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl(sdl)).Errors;
        if (messages.Length == 0)
        {
            SchemaBuilder.FromSdl(sdl);
        }
        Assert.Equal(messages, string.Join(" | ", errors.Select(e => e.Message)));
        Assert.Equal(locations, string.Join(" | ", errors.Select(e => string.Join(";", e.Locations.Select(l => $"{l.Line}:{l.Column}")))));
    }

    [Theory]
    [MemberData(nameof(Literals))]
    public void Literal_coercion_matches_graphql_js(string scalar, string literal, string expected)
    {
        var type = Scalars.Specified.Single(s => s.Name == scalar);
        string actual;
        try
        {
            actual = "ok:" + Json(type.ParseLiteral(Parser.ParseValue(literal)));
        }
        catch (CoercionException error)
        {
            actual = "error:" + error.Message;
        }
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Value_coercion_matches_graphql_js(string scalar, string json, string parsed, string serialized)
    {
        var type = Scalars.Specified.Single(s => s.Name == scalar);
        var input = FromJson(json);
        Assert.Equal(parsed, Attempt(() => type.ParseValue(input)));
        Assert.Equal(serialized, Attempt(() => type.Serialize(input)));
    }

    private static string Attempt(Func<object> coerce)
    {
        try
        {
            return "ok:" + Json(coerce());
        }
        catch (CoercionException error)
        {
            return "error:" + error.Message;
        }
    }

    private static string Json(object? value) => value switch
    {
        double d => RfmGraph.GraphQL.Utilities.Inspect.JsNumber(d),
        _ => JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
    };

    /// <summary>JSON as JavaScript sees it: integral numbers become long, others double.</summary>
    private static object FromJson(string json)
    {
        if (json == "NaN")
        {
            return double.NaN;
        }
        if (json == "Infinity")
        {
            return double.PositiveInfinity;
        }
        return Convert(JsonDocument.Parse(json).RootElement)!;
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToArray(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value)),
        _ => null,
    };
}
