using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Tests.Language;

/// <summary>
/// Expected values were recorded from graphql-js 16 (parse / print / error message + location) for each
/// input, so these tests hold our lexer, parser and printer to the reference implementation.
/// </summary>
public sealed class GraphQLJsParityTests
{
    public static TheoryData<string, string, int, int> SyntaxErrors => new()
    {
        { "", "Syntax Error: Unexpected <EOF>.", 1, 1 },
        { "{", "Syntax Error: Expected Name, found <EOF>.", 1, 2 },
        { "{ a", "Syntax Error: Expected Name, found <EOF>.", 1, 4 },
        { "query", "Syntax Error: Expected \"{\", found <EOF>.", 1, 6 },
        { "query Foo", "Syntax Error: Expected \"{\", found <EOF>.", 1, 10 },
        { "{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9 },
        { "fragment on on on { on }", "Syntax Error: Unexpected Name \"on\".", 1, 10 },
        { "{ field: {} }", "Syntax Error: Expected Name, found \"{\".", 1, 10 },
        { "notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1 },
        { "...", "Syntax Error: Unexpected \"...\".", 1, 1 },
        { "{ \"\"", "Syntax Error: Expected Name, found String \"\".", 1, 3 },
        { "{ a(b: $) }", "Syntax Error: Expected Name, found \")\".", 1, 9 },
        { "query Foo($x: Int = $y) { a }", "Syntax Error: Unexpected variable \"$y\" in constant value.", 1, 21 },
        { "type Foo { a: Int", "Syntax Error: Expected Name, found <EOF>.", 1, 18 },
        { "enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10 },
        { "enum E { null }", "Syntax Error: Name \"null\" is reserved and cannot be used for an enum value.", 1, 10 },
        { "extend type Foo", "Syntax Error: Unexpected <EOF>.", 1, 16 },
        { "extend scalar S", "Syntax Error: Unexpected <EOF>.", 1, 16 },
        { "extend foo Bar", "Syntax Error: Unexpected Name \"foo\".", 1, 8 },
        { "directive @d on FOO", "Syntax Error: Unexpected Name \"FOO\".", 1, 17 },
        { "directive @d on", "Syntax Error: Expected Name, found <EOF>.", 1, 16 },
        { "{ a(b: 00) }", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 1, 9 },
        { "{ a(b: 1.) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 10 },
        { "{ a(b: 1.e1) }", "Syntax Error: Invalid number, expected digit but got: \"e\".", 1, 10 },
        { "{ a(b: 1e) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 10 },
        { "{ a(b: 1x) }", "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 9 },
        { "{ a(b: -) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 9 },
        { "{ a(b: 0x1) }", "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 9 },
        { "{ a(b: 1.5.) }", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 11 },
        { "{ a(b: \"abc) }", "Syntax Error: Unterminated string.", 1, 15 },
        { "{ a(b: \"a\nb\") }", "Syntax Error: Unterminated string.", 1, 10 },
        { "{ a(b: \"\\x\") }", "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 9 },
        { "{ a(b: \"\\u12G4\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u12G4\".", 1, 9 },
        { "{ a(b: \"\\uD800\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".", 1, 9 },
        { "{ a(b: \"\\uD800\\u0041\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".", 1, 9 },
        { "{ a(b: \"\\u{110000}\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 9 },
        { "{ a(b: \"\\u{}\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".", 1, 9 },
        { "{ a(b: \"\\u{12345678901}\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u{123456789\".", 1, 9 },
        { "{ a(b: 'x') }", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 8 },
        { "{ a ? }", "Syntax Error: Unexpected character: \"?\".", 1, 5 },
        { "{ a \u00a0 }", "Syntax Error: Unexpected character: U+00A0.", 1, 5 },
        { "{ a \u0007 }", "Syntax Error: Unexpected character: U+0007.", 1, 5 },
        { "{ a \ud83d\ude00 }", "Syntax Error: Unexpected character: U+1F600.", 1, 5 },
        { "{ a(b: \"\"\"abc) }", "Syntax Error: Unterminated string.", 1, 17 },
        { "query Q($a: [Int!) { a }", "Syntax Error: Expected \"]\", found \")\".", 1, 18 },
        { "{ a(b: [1, 2) }", "Syntax Error: Unexpected \")\".", 1, 13 },
        { "{ a(b: {c: 1) }", "Syntax Error: Expected Name, found \")\".", 1, 13 },
        { "{ . }", "Syntax Error: Unexpected character: \".\".", 1, 3 },
        { "{ a.. }", "Syntax Error: Unexpected character: \".\".", 1, 4 },
        { "schema { query Q }", "Syntax Error: Expected \":\", found Name \"Q\".", 1, 16 },
        { "union U = | A |", "Syntax Error: Expected Name, found <EOF>.", 1, 16 },
        { "type T implements & A & { a: Int }", "Syntax Error: Expected Name, found \"{\".", 1, 25 },
        { "input I { a: Int = $v }", "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 20 },
        { "query Q @dir($a: 1) { a }", "Syntax Error: Expected Name, found \"$\".", 1, 14 },
        { "subscription", "Syntax Error: Expected \"{\", found <EOF>.", 1, 13 },
        { "mutation M { a } extend schema", "Syntax Error: Unexpected <EOF>.", 1, 31 },
        { "{ a } }", "Syntax Error: Unexpected \"}\".", 1, 7 },
        { "\ufeff{ a } {", "Syntax Error: Expected Name, found <EOF>.", 1, 9 },
        { "fragment F on T @x { a } fragment", "Syntax Error: Expected Name, found <EOF>.", 1, 34 },
        { "scalar", "Syntax Error: Expected Name, found <EOF>.", 1, 7 },
        { "interface I implements { a: Int }", "Syntax Error: Expected Name, found \"{\".", 1, 24 },
        { "{ a(b: -01) }", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 10 },
        { "{ a(b: 1.0e) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 12 },
        { "{ a(b: 1.0e+) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 13 },
        { "{ a(b: 123abc) }", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 11 },
        { "{ a(b: 1.2_3) }", "Syntax Error: Invalid number, expected digit but got: \"_\".", 1, 11 },
    };

    public static TheoryData<string, string> Prints => new()
    {
        { "query Q($a: Int = 1, $b: [String!]! @dir) @op { alias: field(arg: $a, obj: {x: [1, 2.5, \"s\", true, null, ENUM]}) @skip(if: false) { ...Frag ... on T { x } ... @include(if: true) { y } } }", "query Q($a: Int = 1, $b: [String!]! @dir) @op {\n  alias: field(arg: $a, obj: {x: [1, 2.5, \"s\", true, null, ENUM]}) @skip(if: false) {\n    ...Frag\n    ... on T {\n      x\n    }\n    ... @include(if: true) {\n      y\n    }\n  }\n}" },
        { "{ a }", "{\n  a\n}" },
        { "query { a }", "{\n  a\n}" },
        { "query Q { a }", "query Q {\n  a\n}" },
        { "mutation { a }", "mutation {\n  a\n}" },
        { "subscription S { a }", "subscription S {\n  a\n}" },
        { "fragment F on T @d { a b { c } }", "fragment F on T @d {\n  a\n  b {\n    c\n  }\n}" },
        { "{ f(a: \"a very long string argument value number one\", b: \"another long string argument value two\") }", "{\n  f(\n    a: \"a very long string argument value number one\"\n    b: \"another long string argument value two\"\n  )\n}" },
        { "{ a(s: \"\"\"block\n  string\n with \\\"quote\\\" end\"\"\") }", "{\n  a(s: \"\"\"\n  block\n   string\n  with \\\"quote\\\" end\n  \"\"\")\n}" },
        { "{ a(s: \"esc \\n \\t \\\" \\\\ \\u0001 \\u007F \u00e9\") }", "{\n  a(s: \"esc \\n \\t \\\" \\\\ \\u0001 \\u007F \u00e9\")\n}" },
        { "\"\"\"\nType description\n\"\"\"\ntype T implements A & B @d { \"field desc\" f(a: Int = 1 @d, \"arg desc\" b: String): [T!]! @deprecated(reason: \"no\") g: Int }", "\"\"\"Type description\"\"\"\ntype T implements A & B @d {\n  \"field desc\"\n  f(\n    a: Int = 1 @d\n    \"arg desc\"\n    b: String\n  ): [T!]! @deprecated(reason: \"no\")\n  g: Int\n}" },
        { "schema @d { query: Q mutation: M }", "schema @d {\n  query: Q\n  mutation: M\n}" },
        { "scalar Date @specifiedBy(url: \"https://x\")", "scalar Date @specifiedBy(url: \"https://x\")" },
        { "interface I implements J { a: Int }", "interface I implements J {\n  a: Int\n}" },
        { "union U @d = A | B", "union U @d = A | B" },
        { "enum E { A @deprecated B }", "enum E {\n  A @deprecated\n  B\n}" },
        { "input I @oneOf { a: Int b: [String] = [\"x\"] }", "input I @oneOf {\n  a: Int\n  b: [String] = [\"x\"]\n}" },
        { "\"desc\" directive @d(a: Int) repeatable on FIELD | QUERY", "\"desc\"\ndirective @d(a: Int) repeatable on FIELD | QUERY" },
        { "extend schema @d { subscription: S }", "extend schema @d {\n  subscription: S\n}" },
        { "extend scalar S @d", "extend scalar S @d" },
        { "extend type T implements I { a: Int }", "extend type T implements I {\n  a: Int\n}" },
        { "extend interface I @d", "extend interface I @d" },
        { "extend union U = C", "extend union U = C" },
        { "extend enum E { C }", "extend enum E {\n  C\n}" },
        { "extend input I { c: Int }", "extend input I {\n  c: Int\n}" },
        { "type T { f(\"\"\"\n  multi\n  line\n  \"\"\" a: Int): Int }", "type T {\n  f(\n    \"\"\"\n    multi\n    line\n    \"\"\"\n    a: Int\n  ): Int\n}" },
        { "{ a(s: \"\"\"  leading space\"\"\") b(s: \"trailing quote\\\"\") c(s: \"\"\"has \\\"\"\" inside\"\"\") d(s: \"\") e(s: \"\"\"\"\"\") }", "{\n  a(s: \"\"\"  leading space\"\"\")\n  b(s: \"trailing quote\\\"\")\n  c(s: \"\"\"has \\\"\"\" inside\"\"\")\n  d(s: \"\")\n  e(s: \"\"\"\"\"\")\n}" },
        { "\"single line description\" type X { a: Int }", "\"single line description\"\ntype X {\n  a: Int\n}" },
        { "query ($v: Int) { a(x: $v) }", "query ($v: Int) {\n  a(x: $v)\n}" },
    };

    public static TheoryData<string, string> BlockStrings => new()
    {
        { "  x", "  x" },
        { "\n  x\n  y\n", "x\ny" },
        { "a\n\n  b", "a\n\nb" },
        { "  \n  a\n    b\n  \n", "a\n  b" },
        { "x\r\ny\rz", "x\ny\nz" },
    };

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void Syntax_errors_match_graphql_js(string document, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(document)).Error;
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(line, column), Assert.Single(error.Locations));
    }

    [Fact]
    public void Lone_surrogate_is_an_invalid_character()
    {
        // Kept out of the theory data: xunit replaces unpaired surrogates when it serializes test cases.
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a \uD800 }")).Error;
        Assert.Equal("Syntax Error: Invalid character: U+D800.", error.Message);
        Assert.Equal(new SourceLocation(1, 5), error.Locations[0]);
    }

    [Theory]
    [MemberData(nameof(Prints))]
    public void Print_matches_graphql_js(string document, string printed)
    {
        Assert.Equal(printed, Printer.Print(Parser.Parse(document)));
        // Printing is a fixed point: parsing the printed text prints the same text again.
        Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
    }

    [Theory]
    [MemberData(nameof(BlockStrings))]
    public void Block_string_values_match_graphql_js(string raw, string value)
    {
        var document = Parser.Parse("{a(b:\"\"\"" + raw + "\"\"\")}");
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal(value, ((StringValueNode)field.Arguments[0].Value).Value);
    }
}
