using System.Text;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Validation;
using RfmGraph.GraphQL.Validation.Rules;

namespace RfmGraph.GraphQL.Tests.Validation;

/// <summary>Expected errors (text, order, locations) were checked against graphql-js 16 on the same schema and documents.</summary>
public sealed class DocumentValidatorTests
{
    private static IReadOnlyList<GraphQLError> Validate(string query, int maxErrors = DocumentValidator.DefaultMaxErrors) =>
        DocumentValidator.Validate(ValidationTestSchema.Schema, Parser.Parse(query, ParserOptions.Unlimited), maxErrors: maxErrors);

    private static string Describe(IReadOnlyList<GraphQLError> errors) => string.Join("\n", errors.Select(e => e.ToString()));

    [Fact]
    public void A_valid_document_passes_every_rule()
    {
        var errors = Validate("""
            query Dogs($limit: Int! = 10, $withOwner: Boolean!) {
              dogs(filter: { name: "Rex", limit: $limit }) { ...DogFields owner @include(if: $withOwner) { name } }
              catOrDog { __typename ... on Cat { meowVolume } ... on Dog { barkVolume } }
              petBy(by: { name: "Tom" }) { name }
            }
            fragment DogFields on Dog { name nickname friends { name } }
            """);
        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public void Errors_of_several_rules_come_in_graphql_js_order_with_locations()
    {
        var errors = Validate("""
            query Q($unused: Int) { dog { nam } human { name } ...Missing }
            """);
        Assert.Equal(
            [
                "Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"? (1:31)",
                "Field \"human\" argument \"id\" of type \"ID!\" is required, but it was not provided. (1:37)",
                "Unknown fragment \"Missing\". (1:55)",
                "Variable \"$unused\" is never used in operation \"Q\". (1:9)",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Errors_are_capped_at_five_by_default_then_validation_stops()
    {
        var errors = Validate("{ a b c d e f g h }");
        Assert.Equal(6, errors.Count);
        Assert.All(errors.Take(5), e => Assert.StartsWith("Cannot query field", e.Message, StringComparison.Ordinal));
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[5].Message);
        Assert.Empty(errors[5].Locations);
    }

    [Fact]
    public void The_error_cap_is_configurable()
    {
        var errors = Validate("{ a b c d e f g h }", maxErrors: 2);
        Assert.Equal(["Cannot query field \"a\" on type \"Query\".", "Cannot query field \"b\" on type \"Query\".", "Too many validation errors, error limit reached. Validation aborted."], errors.Select(e => e.Message));
        Assert.Equal(8, Validate("{ a b c d e f g h }", maxErrors: 100).Count);
    }

    [Fact]
    public void Undefined_variables_are_found_through_nested_fragments()
    {
        var errors = Validate("""
            query Q { dog { ...A } }
            fragment A on Dog { ...B }
            fragment B on Dog { owner { name } friends @include(if: $flag) { name } }
            """);
        var error = Assert.Single(errors);
        Assert.Equal("Variable \"$flag\" is not defined by operation \"Q\".", error.Message);
        Assert.Equal([new SourceLocation(3, 57), new SourceLocation(1, 1)], error.Locations);
    }

    [Fact]
    public void A_nullable_variable_for_a_oneOf_field_is_rejected()
    {
        // graphql-js 16.11: ValuesOfCorrectType checks the variable's declared type; VariablesInAllowedPosition only
        // looks at a oneOf parent that is not wrapped in non-null (so not for the PetBy! argument).
        Assert.Equal(
            ["Variable \"name\" must be non-nullable to be used for OneOf Input Object \"PetBy\"."],
            Validate("query ($name: String) { petBy(by: { name: $name }) { name } }").Select(e => e.Message));
        Assert.Equal(
            [
                "Variable \"name\" must be non-nullable to be used for OneOf Input Object \"PetBy\".",
                "Variable \"$name\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"PetBy\".",
            ],
            Validate("query ($name: String) { pets(by: { name: $name }) { name } }").Select(e => e.Message));
        Assert.Empty(Validate("query ($name: String!) { pets(by: { name: $name }) { name } }"));
    }

    [Fact]
    public void A_subscription_with_two_root_fields_is_rejected()
    {
        var error = Assert.Single(Validate("subscription S { newDog { name } newCat { name } }"));
        Assert.Equal("Subscription \"S\" must select only one top level field.", error.Message);
        Assert.Equal([new SourceLocation(1, 34)], error.Locations);
    }

    [Fact]
    public void Validation_is_repeatable_on_a_cached_document()
    {
        var document = Parser.Parse("{ dog { name: nickname name } }");
        var first = DocumentValidator.Validate(ValidationTestSchema.Schema, document);
        var second = DocumentValidator.Validate(ValidationTestSchema.Schema, document);
        Assert.Equal(first.Select(e => e.ToString()), second.Select(e => e.ToString()));
        Assert.Equal(
            "Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (1:9, 1:24)",
            Assert.Single(first).ToString());
    }

    [Fact]
    public void Sdl_documents_are_checked_with_the_sdl_rules()
    {
        var errors = DocumentValidator.ValidateSdl(Parser.Parse("""
            type Foo { a: Int a: String b: Bar }
            type Foo { c: Int }
            extend type Missing { x: Int }
            directive @d on FIELD_DEFINITION
            type Baz { f: Int @d @d @unknown }
            """));
        Assert.Equal(
            [
                "Field \"Foo.a\" can only be defined once. (1:12, 1:19)",
                "Unknown type \"Bar\". Did you mean \"Baz\"? (1:32)",
                "There can be only one type named \"Foo\". (1:6, 2:6)",
                "Cannot extend type \"Missing\" because it is not defined. (3:13)",
                "The directive \"@d\" can only be used once at this location. (5:19, 5:22)",
                "Unknown directive \"@unknown\". (5:25)",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Sdl_extending_a_schema_sees_its_types_and_directives()
    {
        var errors = DocumentValidator.ValidateSdl(
            Parser.Parse("""
                type Dog { name: String }
                extend type Cat { meowVolume: Int }
                directive @skip on FIELD
                extend union CatOrDog = Human
                """),
            ValidationTestSchema.Schema);
        Assert.Equal(
            [
                "Type \"Dog\" already exists in the schema. It cannot also be defined in this type definition.",
                "Field \"Dog.name\" already exists in the schema. It cannot also be defined in this type extension.",
                "Field \"Cat.meowVolume\" already exists in the schema. It cannot also be defined in this type extension.",
                "Directive \"@skip\" already exists in the schema. It cannot be redefined.",
            ],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Every_rule_is_known_by_its_graphql_js_name()
    {
        Assert.Equal(27, SpecifiedRules.All.Count);
        Assert.Equal(15, SpecifiedRules.Sdl.Count);
        Assert.Same(OverlappingFieldsCanBeMergedRule.Instance, SpecifiedRules.ByName["OverlappingFieldsCanBeMergedRule"]);
        Assert.Equal("MaxIntrospectionDepthRule", SpecifiedRules.All[^1].Name);
        // Five rules serve both documents kinds: 27 + 15 - 5 + 2 optional.
        Assert.Equal(39, SpecifiedRules.ByName.Count);
    }

    internal static string Repeat(string text, int count, string separator = " ")
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? string.Empty : separator).Append(text.Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
        return builder.ToString();
    }
}
