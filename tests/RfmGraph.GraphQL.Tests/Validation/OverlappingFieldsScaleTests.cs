using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Validation;
using RfmGraph.GraphQL.Validation.Rules;

namespace RfmGraph.GraphQL.Tests.Validation;

/// <summary>
/// OverlappingFieldsCanBeMerged must not go quadratic on many fields sharing a response name: these count the
/// field-pair comparisons made for the root selection set instead of timing anything.
/// </summary>
public sealed class OverlappingFieldsScaleTests
{
    private static (OverlappingFieldsChecker Checker, List<OverlappingFieldsChecker.Conflict> Conflicts) CheckRoot(string query)
    {
        var schema = ValidationTestSchema.Schema;
        var document = Parser.Parse(query, ParserOptions.Unlimited);
        var context = new ValidationContext(schema, document, sdl: false, [], maxErrors: 100);
        var checker = new OverlappingFieldsChecker(context);
        var operation = (OperationDefinitionNode)document.Definitions[0];
        var conflicts = checker.FindConflictsWithin(schema.QueryType, operation.SelectionSet);
        return (checker, conflicts);
    }

    [Fact]
    public void A_thousand_identical_fields_are_compared_through_one_representative()
    {
        var query = "{ " + DocumentValidatorTests.Repeat("dog { name owner { name pets { name } } }", 1000) + " }";
        var (checker, conflicts) = CheckRoot(query);
        Assert.Empty(conflicts);
        // One comparison of the representative with a copy, plus its sub-fields (name, owner, owner.name, pets, pets.name).
        Assert.InRange(checker.Comparisons, 1, 10);

        var errors = DocumentValidator.Validate(ValidationTestSchema.Schema, Parser.Parse(query, ParserOptions.Unlimited));
        Assert.Empty(errors);
    }

    [Fact]
    public void A_thousand_distinct_aliases_need_no_comparison()
    {
        var query = "{ dog { " + DocumentValidatorTests.Repeat("a{i}: name", 1000) + " } }";
        var document = Parser.Parse(query, ParserOptions.Unlimited);
        var context = new ValidationContext(ValidationTestSchema.Schema, document, sdl: false, [], maxErrors: 100);
        var checker = new OverlappingFieldsChecker(context);
        var dog = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Empty(checker.FindConflictsWithin(ValidationTestSchema.Schema.GetType("Dog"), dog.SelectionSet!));
        Assert.Equal(0, checker.Comparisons);
        Assert.Empty(DocumentValidator.Validate(ValidationTestSchema.Schema, document));
    }

    [Fact]
    public void A_conflict_hidden_among_a_thousand_copies_is_still_found()
    {
        var query = "{ dog { " + DocumentValidatorTests.Repeat("x: name", 1000) + " x: nickname } }";
        var errors = DocumentValidator.Validate(ValidationTestSchema.Schema, Parser.Parse(query, ParserOptions.Unlimited));
        var error = Assert.Single(errors);
        Assert.Equal(
            "Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
            error.Message);

        var document = Parser.Parse(query, ParserOptions.Unlimited);
        var context = new ValidationContext(ValidationTestSchema.Schema, document, sdl: false, [], maxErrors: 100);
        var checker = new OverlappingFieldsChecker(context);
        var dog = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Single(checker.FindConflictsWithin(ValidationTestSchema.Schema.GetType("Dog"), dog.SelectionSet!));
        // The copies' class against itself and against the one different field.
        Assert.Equal(2, checker.Comparisons);
    }

    [Fact]
    public void Conflicting_sub_selections_of_many_copies_are_reported()
    {
        var query = "{ " + DocumentValidatorTests.Repeat("dog { name }", 500) + " " + DocumentValidatorTests.Repeat("dog { name: nickname }", 500) + " }";
        var errors = DocumentValidator.Validate(ValidationTestSchema.Schema, Parser.Parse(query, ParserOptions.Unlimited));
        var error = Assert.Single(errors);
        Assert.StartsWith("Fields \"dog\" conflict because subfields \"name\" conflict because \"name\" and \"nickname\" are different fields.", error.Message, StringComparison.Ordinal);
        var (checker, _) = CheckRoot(query);
        Assert.InRange(checker.Comparisons, 1, 10);
    }

    [Fact]
    public void A_thousand_spreads_of_the_same_fragment_are_compared_once()
    {
        var query = "{ dog { name " + DocumentValidatorTests.Repeat("...F", 1000) + " } } fragment F on Dog { name nickname }";
        Assert.Empty(DocumentValidator.Validate(ValidationTestSchema.Schema, Parser.Parse(query, ParserOptions.Unlimited)));
    }

    [Fact]
    public void Small_groups_are_compared_pairwise_like_graphql_js()
    {
        // Three identical copies whose sub-selection conflicts internally: graphql-js reports the three pairs.
        var query = "{ " + DocumentValidatorTests.Repeat("dog { x: name x: nickname }", 3) + " }";
        var errors = DocumentValidator.Validate(
            ValidationTestSchema.Schema, Parser.Parse(query), [OverlappingFieldsCanBeMergedRule.Instance], maxErrors: 100);
        Assert.Equal(3, errors.Count(e => e.Message.StartsWith("Fields \"dog\"", StringComparison.Ordinal)));
        Assert.Equal(3, errors.Count(e => e.Message.StartsWith("Fields \"x\"", StringComparison.Ordinal)));
    }
}
