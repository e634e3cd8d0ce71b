using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Validation;

namespace RfmGraph.GraphQL.Tests.Validation;

public sealed class MaxIntrospectionDepthTests
{
    private static IReadOnlyList<GraphQLError> Validate(string query) =>
        DocumentValidator.Validate(ValidationTestSchema.Schema, Parser.Parse(query, ParserOptions.Unlimited), maxErrors: 100);

    [Fact]
    public void Deeply_nested_introspection_is_rejected_at_the_introspection_field()
    {
        var errors = Validate("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");
        var error = Assert.Single(errors);
        Assert.Equal("Maximum introspection depth exceeded", error.Message);
        Assert.Equal([new SourceLocation(1, 3)], error.Locations);
    }

    [Fact]
    public void Nesting_through_fragments_counts_too()
    {
        var errors = Validate("""
            query { __type(name: "Dog") { ...F } }
            fragment F on __Type { interfaces { ...G } }
            fragment G on __Type { possibleTypes { inputFields { name } } }
            """);
        Assert.Equal("Maximum introspection depth exceeded", Assert.Single(errors).Message);
    }

    [Fact]
    public void The_standard_introspection_depth_is_allowed()
    {
        Assert.Empty(Validate("{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } interfaces { name } } } }"));
    }

    [Fact]
    public void Fragment_cycles_under_introspection_terminate()
    {
        var errors = Validate("""
            { __schema { types { ...A } } }
            fragment A on __Type { fields { type { ...B } } }
            fragment B on __Type { ...A }
            """);
        // A cycle through a list field is unboundedly deep: graphql-js reports both problems, and so do we.
        Assert.Equal(
            ["Maximum introspection depth exceeded (1:3)", "Cannot spread fragment \"A\" within itself via \"B\". (2:40, 3:24)"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Many_fragments_are_checked_once_per_entry_depth()
    {
        // 30 levels of fragments, each spread twice: without memoization this is 2^30 walks.
        var fragments = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"fragment F{i} on __Type {{ name ...F{i + 1} ...F{i + 1} }}"));
        var errors = Validate("{ __schema { types { ...F0 } } }\n" + fragments + "\nfragment F30 on __Type { name }");
        Assert.Empty(errors);
    }
}
