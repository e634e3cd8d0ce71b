using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Types;

public sealed class CodeFirstBuilderTests
{
    private sealed record Customer(int Id, string Name, CustomerStatus Status);

    private sealed record Order(int Id, decimal Total);

    private sealed record Tag(string Text);

    private enum CustomerStatus
    {
        Active,
        OnHold,
    }

    [Fact]
    public void Builds_types_with_extensions_by_name_merged_at_build_time()
    {
        var builder = new SchemaBuilder();
        // "Scoring" extends Customer before "Sales" defines it: registration order does not matter.
        builder.ExtendObject<Customer>("Customer", c => c
            .Field("score", "Int!", f => f.Description("RFM score").Resolve(customer => customer.Id * 10)));
        builder
            .Enum<CustomerStatus>("CustomerStatus")
            .Interface("Node", i => i.Field("id", "ID!"))
            .Object<Customer>("Customer", c => c
                .Description("A buyer")
                .Implements("Node")
                .Field("id", "ID!", customer => customer.Id)
                .Field("name", customer => customer.Name)
                .Field("status", customer => customer.Status)
                .Field("orders", "[Order!]!", f => f
                    .Argument("first", "Int", defaultValue: 10)
                    .Argument("status", "CustomerStatus", defaultValue: CustomerStatus.OnHold)
                    .Resolve(_ => Array.Empty<Order>())))
            .Object<Order>("Order", o => o.Field("total", "Decimal!", order => order.Total))
            .InputObject<object>("CustomerFilter", i => i.OneOf().Field("id", "ID").Field("name", "String"))
            .Object("Query", q => q
                .Field("customer", "Customer", f => f.Argument("filter", "CustomerFilter!").Resolve(_ => (Customer?)null))
                .Field("node", "Node", f => f.Argument("id", "ID!").Resolve(_ => (object?)null)));

        var schema = builder.Build();

        Assert.Equal(
            """"
            enum CustomerStatus {
              ACTIVE
              ON_HOLD
            }

            interface Node {
              id: ID!
            }

            """A buyer"""
            type Customer implements Node {
              id: ID!
              name: String
              status: CustomerStatus!
              orders(first: Int = 10, status: CustomerStatus = ON_HOLD): [Order!]!

              """RFM score"""
              score: Int!
            }

            type Order {
              total: Decimal!
            }

            """
            The `Decimal` scalar type represents exact decimal numbers (28-29 significant digits), serialized as JSON numbers. Input accepts numbers and numeric strings; send strings to keep every digit.
            """
            scalar Decimal

            input CustomerFilter @oneOf {
              id: ID
              name: String
            }

            type Query {
              customer(filter: CustomerFilter!): Customer
              node(id: ID!): Node
            }
            """",
            SchemaPrinter.Print(schema));
        Assert.Equal([schema.GetType("Customer")], schema.GetPossibleTypes((InterfaceType)schema.GetType("Node")!));
    }

    [Fact]
    public async Task Interfaces_and_unions_are_extended_by_name_from_another_module()
    {
        var builder = new SchemaBuilder();
        // The extending module registers first and knows the other module's types only by name.
        builder
            .ExtendInterface("Named", i => i.Field("label", "String"))
            .ExtendObject<Customer>("Customer", c => c.Field("label", "String", customer => customer.Name.ToUpperInvariant()))
            .ExtendUnion("SearchResult", "Tag")
            .Object<Tag>("Tag", t => t.Field("label", "String", tag => tag.Text));
        builder
            .Interface("Named", i => i.Field("name", "String!"))
            .Object<Customer>("Customer", c => c.Implements("Named").Field("name", "String!", customer => customer.Name))
            .Union("SearchResult", ["Customer"])
            .Object("Query", q => q.Field("search", "[SearchResult!]!", _ => new object[] { new Customer(1, "ada", CustomerStatus.Active), new Tag("vip") }));

        var schema = builder.Build();

        Assert.Equal(
            """
            type Tag {
              label: String
            }

            interface Named {
              name: String!
              label: String
            }

            type Customer implements Named {
              name: String!
              label: String
            }

            union SearchResult = Customer | Tag

            type Query {
              search: [SearchResult!]!
            }
            """,
            SchemaPrinter.Print(schema));
        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest { Query = "{ search { __typename ... on Named { name label } ... on Tag { label } } }" });
        Assert.Equal(
            "{\"data\":{\"search\":[{\"__typename\":\"Customer\",\"name\":\"ada\",\"label\":\"ADA\"},{\"__typename\":\"Tag\",\"label\":\"vip\"}]}}",
            result.ToJson());
    }

    [Fact]
    public void Extending_a_type_of_another_kind_is_a_build_error()
    {
        var builder = new SchemaBuilder()
            .Object("Query", q => q.Field("a", "Int", _ => 1))
            .ExtendInterface("Query", i => i.Field("b", "Int"))
            .ExtendUnion("Query", "Query");

        var errors = Assert.Throws<SchemaValidationException>(builder.Build).Errors.Select(e => e.Message).ToList();

        Assert.Equal(["Cannot extend non-interface type \"Query\".", "Cannot extend non-union type \"Query\"."], errors);
    }

    [Fact]
    public void Extending_an_unknown_type_and_redefining_a_field_are_build_errors()
    {
        var builder = new SchemaBuilder()
            .Object("Query", q => q.Field("a", "Int", _ => 1))
            .ExtendObject<object>("Query", q => q.Field("a", "Int", _ => 2))
            .ExtendObject<object>("Missing", m => m.Field("b", "Int", _ => 3));

        var errors = Assert.Throws<SchemaValidationException>(builder.Build).Errors.Select(e => e.Message).ToList();

        Assert.Contains("Cannot extend type \"Missing\" because it is not defined.", errors);
        Assert.Contains("Field \"Query.a\" already exists in the schema. It cannot also be defined in this type extension.", errors);
    }

    [Fact]
    public void Unknown_type_references_and_invalid_defaults_are_reported()
    {
        var builder = new SchemaBuilder()
            .Object("Query", q => q.Field("a", "Nope", f => f.Argument("x", "Int", defaultValue: 1)));

        var error = Assert.Single(Assert.Throws<SchemaValidationException>(builder.Build).Errors);
        Assert.Equal("Unknown type: \"Nope\".", error.Message);
    }

    [Fact]
    public void Type_system_rules_name_the_type_and_field()
    {
        var builder = new SchemaBuilder()
            .Interface("Named", i => i.Field("name", "String!"))
            .Object("Thing", t => t.Implements("Named").Field("name", "String", _ => "x"))
            .Object("Query", q => q.Field("thing", "Thing", _ => (object?)null));

        var error = Assert.Single(Assert.Throws<SchemaValidationException>(builder.Build).Errors);
        Assert.Equal("Interface field Named.name expects type String! but Thing.name is type String.", error.Message);
    }

    [Fact]
    public void Code_first_names_must_follow_the_name_grammar_and_say_where_they_are()
    {
        var builder = new SchemaBuilder()
            .Object("Query", q => q
                .Field("order-count", "Int", _ => 1)
                .Field("ok", "Int", f => f.Argument("2nd", "Int").Resolve(_ => 1)))
            .Object("Bad Type", t => t.Field("a", "Int", _ => 1))
            .Enum("Flag", ["ON", "true", "OFF-ISH", ""])
            .InputObject<object>("Filter", i => i.Field("from date", "Int"));

        var errors = Assert.Throws<SchemaValidationException>(builder.Build).Errors.Select(e => e.Message).ToList();

        Assert.Equal(
            [
                "Names must only contain [_a-zA-Z0-9] but \"order-count\" does not (in Query.order-count).",
                "Names must start with [_a-zA-Z] but \"2nd\" does not (in Query.ok(2nd:)).",
                "Names must only contain [_a-zA-Z0-9] but \"Bad Type\" does not.",
                "Enum values cannot be named: true (in enum Flag).",
                "Names must only contain [_a-zA-Z0-9] but \"OFF-ISH\" does not (in Flag.OFF-ISH).",
                "Expected name to be a non-empty string (in Flag.).",
                "Names must only contain [_a-zA-Z0-9] but \"from date\" does not (in Filter.from date).",
            ],
            errors);
    }

    [Fact]
    public void Code_first_duplicates_are_build_errors_naming_type_and_field()
    {
        var builder = new SchemaBuilder()
            .Object("Query", q => q
                .Field("search", "[String]", f => f.Argument("first", "Int").Argument("first", "Int!").Resolve(_ => Array.Empty<string>()))
                .Field("search", "[String]", _ => Array.Empty<string>()))
            .Enum("Level", ["LOW", "HIGH", "LOW"])
            .InputObject<object>("Range", i => i.Field("from", "Int").Field("to", "Int").Field("from", "Float"))
            .Directive(new DirectiveDefinition("cost", [DirectiveLocation.FieldDefinition])
            {
                Arguments = { new InputValueDefinition("weight", Scalars.Int), new InputValueDefinition("weight", Scalars.Float) },
            });

        var errors = Assert.Throws<SchemaValidationException>(builder.Build).Errors.Select(e => e.Message).ToList();

        Assert.Equal(
            [
                "Field \"Query.search\" can only be defined once.",
                "Field \"Range.from\" can only be defined once.",
            ],
            errors);

        // Once those are fixed, the type system rules find the rest.
        builder = new SchemaBuilder()
            .Object("Query", q => q
                .Field("search", "[String]", f => f.Argument("first", "Int").Argument("first", "Int!").Resolve(_ => Array.Empty<string>())))
            .Enum("Level", ["LOW", "HIGH", "LOW"])
            .Directive(new DirectiveDefinition("cost", [DirectiveLocation.FieldDefinition])
            {
                Arguments = { new InputValueDefinition("weight", Scalars.Int), new InputValueDefinition("weight", Scalars.Float) },
            });
        errors = Assert.Throws<SchemaValidationException>(builder.Build).Errors.Select(e => e.Message).ToList();
        Assert.Equal(
            [
                "Argument \"@cost(weight:)\" can only be defined once.",
                "Argument \"Query.search(first:)\" can only be defined once.",
                "Enum value \"Level.LOW\" can only be defined once.",
            ],
            errors);
    }

    [Fact]
    public void Sdl_types_and_code_resolvers_combine()
    {
        var schema = new SchemaBuilder()
            .AddSdl("type Query { hello(name: String = \"world\"): String! }")
            .Resolve("Query", "hello", context => new ValueTask<object?>($"Hello {context.Arguments["name"]}"))
            .Build();

        Assert.NotNull(schema.QueryType.GetField("hello")!.Resolver);
        Assert.Equal("world", schema.QueryType.GetField("hello")!.Arguments[0].DefaultValue);
    }
}
