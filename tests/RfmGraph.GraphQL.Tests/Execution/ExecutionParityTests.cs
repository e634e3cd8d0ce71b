using System.Text;
using System.Text.Json;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Execution;

/// <summary>
/// The same SDL, root data and queries were executed with graphql-js 16 (graphqlSync, default resolvers reading
/// the root value, abstract types by __typename); each full response must match byte for byte.
/// </summary>
public sealed class ExecutionParityTests
{
    private const string Sdl = "\ninterface Node { id: ID! }\ninterface Named implements Node { id: ID! name: String }\ntype Person implements Node & Named { id: ID! name: String age: Int friends: [Person] best: Person! scores: [Float!] tags: [String]! pet: Pet }\ntype Dog implements Node & Named { id: ID! name: String barks: Boolean! }\ntype Cat implements Node & Named { id: ID! name: String lives: Int }\nunion Pet = Dog | Cat\nenum Color { RED GREEN BLUE }\ninput Filter { name: String, minAge: Int = 18, colors: [Color!] }\ntype Query {\n  people: [Person!]!\n  person(id: ID!): Person\n  pets: [Pet]\n  nodes: [Node!]\n  echo(text: String = \"hi\", n: Int, f: Float, b: Boolean, c: Color, filter: Filter, list: [Int]): String\n  color: Color\n  colors: [Color]\n  badNonNull: String!\n  nested: Query\n  maybe: Person\n}\n";

    private const string DataJson = "{\"people\":[{\"id\":\"1\",\"name\":\"Ann\",\"age\":30,\"friends\":[{\"id\":\"2\",\"name\":\"Bob\",\"best\":{\"id\":\"1\",\"name\":\"Ann\"},\"tags\":[]}],\"best\":{\"id\":\"2\",\"name\":\"Bob\",\"tags\":[\"x\"]},\"scores\":[1.5,2,1e+21,0.1],\"tags\":[\"a\",null],\"pet\":{\"__typename\":\"Dog\",\"id\":\"d1\",\"name\":\"Rex\",\"barks\":true}},{\"id\":\"2\",\"name\":\"Bob\",\"age\":null,\"friends\":null,\"best\":{\"id\":\"1\",\"name\":\"Ann\",\"tags\":null},\"scores\":null,\"tags\":[],\"pet\":{\"__typename\":\"Cat\",\"id\":\"c1\",\"name\":\"Tom\",\"lives\":9}}],\"pets\":[{\"__typename\":\"Dog\",\"id\":\"d1\",\"name\":\"Rex\",\"barks\":null},{\"__typename\":\"Cat\",\"id\":\"c1\",\"name\":\"Tom\",\"lives\":9},null],\"nodes\":[{\"__typename\":\"Person\",\"id\":\"1\",\"name\":\"Ann\"},{\"__typename\":\"Dog\",\"id\":\"d1\",\"name\":\"Rex\",\"barks\":false}],\"color\":\"GREEN\",\"colors\":[\"RED\",\"BLUE\",null],\"badNonNull\":null,\"maybe\":{\"id\":\"m\",\"name\":\"May\",\"best\":null,\"tags\":[]}}";

    private static readonly Lazy<GraphQLExecutor> Executor = new(CreateExecutor);

    public static TheoryData<string, string?, string?, string> Cases => new()
    {
        { "{ people { id name age } }", null, null, "{\"data\":{\"people\":[{\"id\":\"1\",\"name\":\"Ann\",\"age\":30},{\"id\":\"2\",\"name\":\"Bob\",\"age\":null}]}}" },
        { "{ people { name friends { name best { name } } best { name tags } } }", null, null, "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Person.tags.\",\"locations\":[{\"line\":1,\"column\":60}],\"path\":[\"people\",1,\"best\",\"tags\"]}],\"data\":null}" },
        { "{ people { name scores tags } }", null, null, "{\"data\":{\"people\":[{\"name\":\"Ann\",\"scores\":[1.5,2,1e+21,0.1],\"tags\":[\"a\",null]},{\"name\":\"Bob\",\"scores\":null,\"tags\":[]}]}}" },
        { "{ maybe { name best { name } } }", null, null, "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Person.best.\",\"locations\":[{\"line\":1,\"column\":16}],\"path\":[\"maybe\",\"best\"]}],\"data\":{\"maybe\":null}}" },
        { "{ people { name best { name tags } } color }", null, null, "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Person.tags.\",\"locations\":[{\"line\":1,\"column\":29}],\"path\":[\"people\",1,\"best\",\"tags\"]}],\"data\":null}" },
        { "{ badNonNull color }", null, null, "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Query.badNonNull.\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"badNonNull\"]}],\"data\":null}" },
        { "{ nested { color nested { colors } } }", null, null, "{\"data\":{\"nested\":{\"color\":\"GREEN\",\"nested\":{\"colors\":[\"RED\",\"BLUE\",null]}}}}" },
        { "{ pets { __typename ... on Dog { name barks } ... on Cat { name lives } } }", null, null, "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Dog.barks.\",\"locations\":[{\"line\":1,\"column\":39}],\"path\":[\"pets\",0,\"barks\"]}],\"data\":{\"pets\":[null,{\"__typename\":\"Cat\",\"name\":\"Tom\",\"lives\":9},null]}}" },
        { "{ nodes { id __typename ... on Named { name } ...D } } fragment D on Dog { barks }", null, null, "{\"data\":{\"nodes\":[{\"id\":\"1\",\"__typename\":\"Person\",\"name\":\"Ann\"},{\"id\":\"d1\",\"__typename\":\"Dog\",\"name\":\"Rex\",\"barks\":false}]}}" },
        { "{ people { pet { ... on Node { id } ... on Cat { lives } } } }", null, null, "{\"data\":{\"people\":[{\"pet\":{\"id\":\"d1\"}},{\"pet\":{\"id\":\"c1\",\"lives\":9}}]}}" },
        { "query Q($id: ID!) { person(id: $id) { name } }", "{\"id\": \"2\"}", null, "{\"data\":{\"person\":{\"name\":\"Bob\"}}}" },
        { "query Q($id: ID!) { person(id: $id) { name } }", "{\"id\": 2}", null, "{\"data\":{\"person\":{\"name\":\"Bob\"}}}" },
        { "query Q($id: ID!) { person(id: $id) { name } }", "{}", null, "{\"errors\":[{\"message\":\"Variable \\\"$id\\\" of required type \\\"ID!\\\" was not provided.\",\"locations\":[{\"line\":1,\"column\":9}]}]}" },
        { "query Q($id: ID!) { person(id: $id) { name } }", "{\"id\": null}", null, "{\"errors\":[{\"message\":\"Variable \\\"$id\\\" of non-null type \\\"ID!\\\" must not be null.\",\"locations\":[{\"line\":1,\"column\":9}]}]}" },
        { "query Q($id: ID!) { person(id: $id) { name } }", "{\"id\": 1.5}", null, "{\"errors\":[{\"message\":\"Variable \\\"$id\\\" got invalid value 1.5; ID cannot represent value: 1.5\",\"locations\":[{\"line\":1,\"column\":9}]}]}" },
        { "{ echo }", null, null, "{\"data\":{\"echo\":\"{\\\"text\\\":\\\"hi\\\"}\"}}" },
        { "{ echo(text: \"x\", n: 3, f: 2, b: true, c: RED, list: 5) }", null, null, "{\"data\":{\"echo\":\"{\\\"text\\\":\\\"x\\\",\\\"n\\\":3,\\\"f\\\":2,\\\"b\\\":true,\\\"c\\\":\\\"RED\\\",\\\"list\\\":[5]}\"}}" },
        { "query E($f: Filter) { echo(filter: $f) }", "{\"f\": {\"name\": \"a\", \"colors\": [\"RED\"]}}", null, "{\"data\":{\"echo\":\"{\\\"text\\\":\\\"hi\\\",\\\"filter\\\":{\\\"name\\\":\\\"a\\\",\\\"minAge\\\":18,\\\"colors\\\":[\\\"RED\\\"]}}\"}}" },
        { "query E($f: Filter) { echo(filter: $f) }", "{\"f\": {\"name\": \"a\", \"colors\": [\"PINK\"], \"nope\": 1}}", null, "{\"errors\":[{\"message\":\"Variable \\\"$f\\\" got invalid value \\\"PINK\\\" at \\\"f.colors[0]\\\"; Value \\\"PINK\\\" does not exist in \\\"Color\\\" enum.\",\"locations\":[{\"line\":1,\"column\":9}]},{\"message\":\"Variable \\\"$f\\\" got invalid value { name: \\\"a\\\", colors: [\\\"PINK\\\"], nope: 1 }; Field \\\"nope\\\" is not defined by type \\\"Filter\\\". Did you mean \\\"name\\\"?\",\"locations\":[{\"line\":1,\"column\":9}]}]}" },
        { "query E($n: Int, $f: Float) { echo(n: $n, f: $f) }", "{\"n\": 2147483648, \"f\": \"x\"}", null, "{\"errors\":[{\"message\":\"Variable \\\"$n\\\" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648\",\"locations\":[{\"line\":1,\"column\":9}]},{\"message\":\"Variable \\\"$f\\\" got invalid value \\\"x\\\"; Float cannot represent non numeric value: \\\"x\\\"\",\"locations\":[{\"line\":1,\"column\":18}]}]}" },
        { "query E($c: [Color!]) { echo(filter: {colors: $c}) }", "{\"c\": \"RED\"}", null, "{\"data\":{\"echo\":\"{\\\"text\\\":\\\"hi\\\",\\\"filter\\\":{\\\"minAge\\\":18,\\\"colors\\\":[\\\"RED\\\"]}}\"}}" },
        { "query E($skip: Boolean!) { color @skip(if: $skip) colors @include(if: $skip) }", "{\"skip\": true}", null, "{\"data\":{\"colors\":[\"RED\",\"BLUE\",null]}}" },
        { "query E($skip: Boolean!) { color @skip(if: $skip) colors @include(if: $skip) }", "{\"skip\": false}", null, "{\"data\":{\"color\":\"GREEN\"}}" },
        { "{ a: color b: color ...on Query { c: color } }", null, null, "{\"data\":{\"a\":\"GREEN\",\"b\":\"GREEN\",\"c\":\"GREEN\"}}" },
        { "{ people { ...P } } fragment P on Person { id ... on Person { name } }", null, null, "{\"data\":{\"people\":[{\"id\":\"1\",\"name\":\"Ann\"},{\"id\":\"2\",\"name\":\"Bob\"}]}}" },
        { "query A { color } query B { colors }", null, null, "{\"errors\":[{\"message\":\"Must provide operation name if query contains multiple operations.\"}]}" },
        { "query A { color } query B { colors }", null, "B", "{\"data\":{\"colors\":[\"RED\",\"BLUE\",null]}}" },
        { "query A { color }", null, "C", "{\"errors\":[{\"message\":\"Unknown operation named \\\"C\\\".\"}]}" },
        { "{ echo(list: [1, null, 3]) }", null, null, "{\"data\":{\"echo\":\"{\\\"text\\\":\\\"hi\\\",\\\"list\\\":[1,null,3]}\"}}" },
        { "{ __typename nested { __typename } }", null, null, "{\"data\":{\"__typename\":\"Query\",\"nested\":{\"__typename\":\"Query\"}}}" },
        { "mutation { color }", null, null, "{\"errors\":[{\"message\":\"Schema is not configured to execute mutation operation.\",\"locations\":[{\"line\":1,\"column\":1}]}],\"data\":null}" },
        { "{ __type(name: \"Person\") { name kind fields { name type { name kind ofType { name kind } } } interfaces { name } } }", null, null, "{\"data\":{\"__type\":{\"name\":\"Person\",\"kind\":\"OBJECT\",\"fields\":[{\"name\":\"id\",\"type\":{\"name\":null,\"kind\":\"NON_NULL\",\"ofType\":{\"name\":\"ID\",\"kind\":\"SCALAR\"}}},{\"name\":\"name\",\"type\":{\"name\":\"String\",\"kind\":\"SCALAR\",\"ofType\":null}},{\"name\":\"age\",\"type\":{\"name\":\"Int\",\"kind\":\"SCALAR\",\"ofType\":null}},{\"name\":\"friends\",\"type\":{\"name\":null,\"kind\":\"LIST\",\"ofType\":{\"name\":\"Person\",\"kind\":\"OBJECT\"}}},{\"name\":\"best\",\"type\":{\"name\":null,\"kind\":\"NON_NULL\",\"ofType\":{\"name\":\"Person\",\"kind\":\"OBJECT\"}}},{\"name\":\"scores\",\"type\":{\"name\":null,\"kind\":\"LIST\",\"ofType\":{\"name\":null,\"kind\":\"NON_NULL\"}}},{\"name\":\"tags\",\"type\":{\"name\":null,\"kind\":\"NON_NULL\",\"ofType\":{\"name\":null,\"kind\":\"LIST\"}}},{\"name\":\"pet\",\"type\":{\"name\":\"Pet\",\"kind\":\"UNION\",\"ofType\":null}}],\"interfaces\":[{\"name\":\"Node\"},{\"name\":\"Named\"}]}}}" },
        { "{ __type(name: \"Pet\") { possibleTypes { name } } t2: __type(name: \"Filter\") { inputFields { name defaultValue type { name } } } }", null, null, "{\"data\":{\"__type\":{\"possibleTypes\":[{\"name\":\"Dog\"},{\"name\":\"Cat\"}]},\"t2\":{\"inputFields\":[{\"name\":\"name\",\"defaultValue\":null,\"type\":{\"name\":\"String\"}},{\"name\":\"minAge\",\"defaultValue\":\"18\",\"type\":{\"name\":\"Int\"}},{\"name\":\"colors\",\"defaultValue\":null,\"type\":{\"name\":null}}]}}}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Response_matches_graphql_js(string query, string? variablesJson, string? operationName, string expected)
    {
        var result = await Executor.Value.ExecuteAsync(new GraphQLRequest
        {
            Query = query,
            OperationName = operationName,
            Variables = variablesJson is null ? null : (IReadOnlyDictionary<string, object?>)JsonInput.Parse(variablesJson)!,
            RootValue = Root(),
        });
        Assert.Equal(expected, result.ToJson());
    }

    private static Dictionary<string, object?> Root()
    {
        var data = (Dictionary<string, object?>)JsonInput.Parse(DataJson)!;
        data["nested"] = data;
        return data;
    }

    private static GraphQLExecutor CreateExecutor()
    {
        var schema = new SchemaBuilder()
            .AddSdl(Sdl)
            .Resolve("Query", "person", context =>
            {
                var people = (object?[])((IReadOnlyDictionary<string, object?>)context.Source!)["people"]!;
                var id = context.Argument<string>("id");
                return new ValueTask<object?>(people.FirstOrDefault(p => (string?)((Dictionary<string, object?>)p!)["id"] == id));
            })
            .Resolve("Query", "echo", context => new ValueTask<object?>(Echo(context.Arguments)))
            .Build();
        return new GraphQLExecutor(schema, new GraphQLOptions { MaxAliases = 0, MaxCost = 0, MaxDepth = 0 });
    }

    /// <summary>JSON.stringify(args), as the graphql-js resolver returns.</summary>
    private static string Echo(IReadOnlyDictionary<string, object?> arguments)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonValueWriter.Write(writer, arguments);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
