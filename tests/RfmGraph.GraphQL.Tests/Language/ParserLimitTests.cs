using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Tests.Language;

public sealed class ParserLimitTests
{
    [Fact]
    public void Document_longer_than_the_limit_is_rejected_before_lexing()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a }" + new string(' ', 20), new ParserOptions { MaxLength = 10 })).Error;
        Assert.Equal("Syntax Error: Source contains more than 10 UTF-16 code units. Parsing aborted.", error.Message);
        Assert.Equal(new SourceLocation(1, 11), error.Locations[0]);
    }

    [Fact]
    public void Token_limit_counts_lexical_tokens()
    {
        // "{ a b c }" is 5 tokens.
        Parser.Parse("{ a b c }", new ParserOptions { MaxTokens = 5 });
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a b c d }", new ParserOptions { MaxTokens = 5 })).Error;
        Assert.Equal("Syntax Error: Document contains more that 5 tokens. Parsing aborted.", error.Message);
        Assert.Equal(new SourceLocation(1, 11), error.Locations[0]);
    }

    [Fact]
    public void Nesting_limit_covers_selections_values_and_types()
    {
        var options = new ParserOptions { MaxDepth = 3 };
        Parser.Parse("{ a { b { c } } }", options);

        var selections = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a { b { c { d } } } }", options)).Error;
        Assert.Equal("Syntax Error: Document exceeds the maximum nesting depth of 3. Parsing aborted.", selections.Message);
        Assert.Equal(new SourceLocation(1, 13), selections.Locations[0]);

        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a(x: [[[[1]]]]) }", options));
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("query($v: [[[[Int]]]]) { a }", options));
    }

    [Fact]
    public void Default_depth_limit_stops_deep_nesting_without_stack_overflow()
    {
        var deep = new string('[', 100_000);
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a(x: " + deep + ") }", new ParserOptions { MaxLength = 1_000_000 })).Error;
        Assert.Contains("maximum nesting depth of 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unlimited_options_parse_large_sdl()
    {
        var sdl = string.Concat(Enumerable.Range(0, 5000).Select(i => $"type T{i} {{ f: Int }}\n"));
        Assert.Equal(5000, Parser.Parse(sdl, ParserOptions.Unlimited).Definitions.Count);
    }
}
