using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Tests.Language;

public sealed class ParserTests
{
    [Fact]
    public void Parses_an_operation_into_a_typed_tree_with_locations()
    {
        var document = Parser.Parse("query Q($id: ID! = \"1\") {\n  user(id: $id) { name, ...F }\n}\nfragment F on User { id }");

        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Equal("Q", operation.Name!.Value);
        var variable = Assert.Single(operation.VariableDefinitions);
        Assert.Equal("id", variable.Variable.Name.Value);
        Assert.Equal("ID", ((NamedTypeNode)((NonNullTypeNode)variable.Type).Type).Name.Value);
        Assert.Equal("1", ((StringValueNode)variable.DefaultValue!).Value);

        var user = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("user", user.ResponseKey);
        Assert.Equal(new SourceLocation(2, 3), user.Location.StartLocation);
        Assert.Equal("id", ((VariableNode)user.Arguments[0].Value).Name.Value);
        Assert.Equal(2, user.SelectionSet!.Selections.Count);
        Assert.Equal("F", Assert.IsType<FragmentSpreadNode>(user.SelectionSet.Selections[1]).Name.Value);

        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal("User", fragment.TypeCondition.Name.Value);
        Assert.Equal(new SourceLocation(4, 1), fragment.Location.StartLocation);
        Assert.Equal(document.Location.Source!.Body.Length, fragment.Location.End);
    }

    [Fact]
    public void Node_locations_span_start_to_end_of_the_last_token()
    {
        var document = Parser.Parse("{ a: b(c: [1, 2]) }");
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal(2, field.Location.Start);
        Assert.Equal(17, field.Location.End);
        Assert.Equal("a", field.ResponseKey);
        Assert.Equal("b", field.Name.Value);
    }

    [Fact]
    public void Lines_count_crlf_and_cr_as_single_terminators()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{\r\n a\r b\n ?")).Error;
        Assert.Equal(new SourceLocation(4, 2), Assert.Single(error.Locations));
    }

    [Theory]
    [InlineData("\"\\u0041\\u00e9\"", "A\u00e9")]
    [InlineData("\"\\uD83D\\uDE00\"", "\U0001F600")]
    [InlineData("\"\\u{1F600}\"", "\U0001F600")]
    [InlineData("\"\\u{41}\"", "A")]
    [InlineData("\"\\b\\f\\n\\r\\t\\/\\\\\\\"\"", "\b\f\n\r\t/\\\"")]
    [InlineData("\"\U0001F600 raw\"", "\U0001F600 raw")]
    public void String_escapes_decode_to_their_code_points(string literal, string expected)
    {
        var value = Assert.IsType<StringValueNode>(Parser.ParseValue(literal));
        Assert.Equal(expected, value.Value);
    }

    [Theory]
    [InlineData("0", typeof(IntValueNode))]
    [InlineData("-12", typeof(IntValueNode))]
    [InlineData("1.5", typeof(FloatValueNode))]
    [InlineData("-1e10", typeof(FloatValueNode))]
    [InlineData("6.02E+23", typeof(FloatValueNode))]
    [InlineData("true", typeof(BooleanValueNode))]
    [InlineData("null", typeof(NullValueNode))]
    [InlineData("RED", typeof(EnumValueNode))]
    [InlineData("$v", typeof(VariableNode))]
    [InlineData("[1, \"a\"]", typeof(ListValueNode))]
    [InlineData("{a: {b: [null]}}", typeof(ObjectValueNode))]
    public void Values_parse_to_their_node_types(string text, Type expected)
    {
        Assert.IsType(expected, Parser.ParseValue(text));
    }

    [Fact]
    public void Const_values_reject_variables()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseConstValue("[$v]")).Error;
        Assert.Equal("Syntax Error: Unexpected variable \"$v\" in constant value.", error.Message);
    }

    [Fact]
    public void Parses_types()
    {
        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[[Int!]]!"));
        Assert.Equal("[[Int!]]!", Printer.Print(type));
    }

    [Fact]
    public void Byte_order_mark_and_commas_are_ignored()
    {
        var document = Parser.Parse("\uFEFF{ a,,, b }");
        Assert.Equal(2, ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections.Count);
    }

    [Fact]
    public void Comments_are_ignored_and_not_counted_as_tokens()
    {
        var document = Parser.Parse("# one\n{ a # two\n }", new ParserOptions { MaxTokens = 3 });
        Assert.Single(document.Definitions);
    }

    [Fact]
    public void Descriptions_are_rejected_on_executable_definitions()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("\"desc\" query { a }")).Error;
        Assert.Equal("Syntax Error: Unexpected description, descriptions are supported only on type definitions.", error.Message);
        Assert.Equal(new SourceLocation(1, 1), error.Locations[0]);
    }

    [Fact]
    public void Parses_every_type_system_definition_and_extension()
    {
        const string sdl = """
            schema { query: Query }
            "A scalar" scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
            interface Node { id: ID! }
            interface Entity implements Node { id: ID! name: String }
            type Query implements Node & Entity { id: ID! name: String search(term: String = "x", first: Int): [Result!]! }
            union Result = Query
            enum Color { RED GREEN @deprecated(reason: "use RED") }
            input Filter @oneOf { eq: String in: [String!] }
            directive @cost(weight: Int!) repeatable on FIELD_DEFINITION | OBJECT
            extend schema @cost(weight: 1)
            extend scalar Date @cost(weight: 1)
            extend type Query { more: Int }
            extend interface Node @cost(weight: 1)
            extend union Result = Query
            extend enum Color { BLUE }
            extend input Filter { gt: String }
            """;
        var document = Parser.Parse(sdl);
        Assert.Equal(
            [
                NodeKind.SchemaDefinition, NodeKind.ScalarTypeDefinition, NodeKind.InterfaceTypeDefinition,
                NodeKind.InterfaceTypeDefinition, NodeKind.ObjectTypeDefinition, NodeKind.UnionTypeDefinition,
                NodeKind.EnumTypeDefinition, NodeKind.InputObjectTypeDefinition, NodeKind.DirectiveDefinition,
                NodeKind.SchemaExtension, NodeKind.ScalarTypeExtension, NodeKind.ObjectTypeExtension,
                NodeKind.InterfaceTypeExtension, NodeKind.UnionTypeExtension, NodeKind.EnumTypeExtension,
                NodeKind.InputObjectTypeExtension,
            ],
            document.Definitions.Select(d => d.Kind));
        var directive = (DirectiveDefinitionNode)document.Definitions[8];
        Assert.True(directive.Repeatable);
        Assert.Equal(["FIELD_DEFINITION", "OBJECT"], directive.Locations.Select(l => l.Value));
        Assert.Equal("A scalar", ((ScalarTypeDefinitionNode)document.Definitions[1]).Description!.Value);
        // Printing and re-parsing preserves the document.
        var printed = Printer.Print(document);
        Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
    }

    [Fact]
    public void Walker_visits_in_document_order()
    {
        var names = new NameCollector();
        names.Walk(Parser.Parse("query Q($v: Int) { a(x: $v) { b } ...F } fragment F on T { c }"));
        Assert.Equal(["Q", "v", "Int", "a", "x", "v", "b", "F", "F", "T", "c"], names.Names);
    }

    private sealed class NameCollector : AstWalker
    {
        public List<string> Names { get; } = [];

        protected override bool Enter(Node node)
        {
            if (node is NameNode name)
            {
                Names.Add(name.Value);
            }
            return true;
        }
    }
}
