using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Tests.Sdl;

/// <summary>
/// The SDL the data conventions generate for a small schema, written out by hand: the filter input (with an ignored
/// and a renamed member, an enum and a nested object), the operation inputs, the <c>@oneOf</c> sort input, the
/// connection types and the connection field's arguments.
/// </summary>
public sealed class DataSchemaSdlTests
{
    private static readonly Schema Built = Build();

    [Fact]
    public void The_schema_holds_exactly_these_types()
    {
        var names = Built.Types.Values.Where(t => !t.IsIntrospectionType && !Scalars.IsSpecified(t)).Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(
        [
            "Book", "BookConnection", "BookEdge", "BookFilterInput", "BookSortInput",
            "BooleanOperationFilterInput", "Date", "DateOperationFilterInput", "DateTime", "DateTimeOperationFilterInput",
            "Decimal", "DecimalOperationFilterInput", "Genre", "GenreOperationFilterInput", "IntOperationFilterInput",
            "PageInfo", "Query", "Shelf", "ShelfFilterInput", "ShelfSortInput", "SortEnumType", "StringOperationFilterInput",
        ], names);
    }

    [Fact]
    public void Filter_input_lists_and_or_then_every_member_under_its_name_without_the_ignored_one() => AssertType("BookFilterInput", """"
        """Conditions on Book; fields combine with AND."""
        input BookFilterInput {
          """All of these conditions hold."""
          and: [BookFilterInput!]

          """At least one of these conditions holds."""
          or: [BookFilterInput!]
          id: IntOperationFilterInput
          title: StringOperationFilterInput
          subtitle: StringOperationFilterInput
          price: DecimalOperationFilterInput
          pageCount: IntOperationFilterInput
          published: DateOperationFilterInput
          updated: DateTimeOperationFilterInput
          inPrint: BooleanOperationFilterInput
          genre: GenreOperationFilterInput
          shelf: ShelfFilterInput
        }
        """");

    [Fact]
    public void Nested_objects_get_their_own_filter_and_sort_inputs()
    {
        AssertType("ShelfFilterInput", """"
            """Conditions on Shelf; fields combine with AND."""
            input ShelfFilterInput {
              """All of these conditions hold."""
              and: [ShelfFilterInput!]

              """At least one of these conditions holds."""
              or: [ShelfFilterInput!]
              id: IntOperationFilterInput
              label: StringOperationFilterInput
            }
            """");
        AssertType("ShelfSortInput", """"
            """One sort key of Shelf; give several in a list, most significant first."""
            input ShelfSortInput @oneOf {
              id: SortEnumType
              label: SortEnumType
            }
            """");
    }

    [Fact]
    public void Comparable_operation_inputs_offer_equality_lists_and_ranges()
    {
        foreach (var scalar in new[] { "Int", "Decimal", "Date", "DateTime" })
        {
            AssertType(scalar + "OperationFilterInput", $$""""
                """Operations on a {{scalar}} value; several combine with AND."""
                input {{scalar}}OperationFilterInput {
                  """Equal to the value (null: the field is null)."""
                  eq: {{scalar}}

                  """Not equal to the value (null: the field is not null)."""
                  neq: {{scalar}}

                  """Equal to one of the values."""
                  in: [{{scalar}}!]

                  """Equal to none of the values."""
                  nin: [{{scalar}}!]

                  """Greater than the value."""
                  gt: {{scalar}}

                  """Greater than or equal to the value."""
                  gte: {{scalar}}

                  """Less than the value."""
                  lt: {{scalar}}

                  """Less than or equal to the value."""
                  lte: {{scalar}}
                }
                """");
        }
    }

    [Fact]
    public void String_operation_input_adds_the_text_operations() => AssertType("StringOperationFilterInput", """"
        """Operations on a String value; several combine with AND."""
        input StringOperationFilterInput {
          """Equal to the value (null: the field is null)."""
          eq: String

          """Not equal to the value (null: the field is not null)."""
          neq: String

          """Equal to one of the values."""
          in: [String!]

          """Equal to none of the values."""
          nin: [String!]

          """Contains the value (case-sensitive)."""
          contains: String

          """Does not contain the value (case-sensitive)."""
          ncontains: String

          """Starts with the value (case-sensitive)."""
          startsWith: String

          """Does not start with the value (case-sensitive)."""
          nstartsWith: String

          """Ends with the value (case-sensitive)."""
          endsWith: String

          """Does not end with the value (case-sensitive)."""
          nendsWith: String
        }
        """");

    [Fact]
    public void Boolean_and_enum_operation_inputs_offer_equality_only()
    {
        AssertType("BooleanOperationFilterInput", """"
            """Operations on a Boolean value; several combine with AND."""
            input BooleanOperationFilterInput {
              """Equal to the value (null: the field is null)."""
              eq: Boolean

              """Not equal to the value (null: the field is not null)."""
              neq: Boolean
            }
            """");
        AssertType("GenreOperationFilterInput", """"
            """Operations on a Genre value; several combine with AND."""
            input GenreOperationFilterInput {
              """Equal to the value (null: the field is null)."""
              eq: Genre

              """Not equal to the value (null: the field is not null)."""
              neq: Genre

              """Equal to one of the values."""
              in: [Genre!]

              """Equal to none of the values."""
              nin: [Genre!]
            }
            """");
    }

    [Fact]
    public void Sort_input_is_one_of_with_a_direction_per_member_and_a_nested_input_per_object()
    {
        AssertType("BookSortInput", """"
            """One sort key of Book; give several in a list, most significant first."""
            input BookSortInput @oneOf {
              id: SortEnumType
              title: SortEnumType
              subtitle: SortEnumType
              price: SortEnumType
              pageCount: SortEnumType
              published: SortEnumType
              updated: SortEnumType
              inPrint: SortEnumType
              genre: SortEnumType
              shelf: ShelfSortInput
            }
            """");
        AssertType("SortEnumType", """"
            """Sort direction."""
            enum SortEnumType {
              """Ascending: smallest first, nulls last."""
              ASC

              """Descending: largest first, nulls first."""
              DESC
            }
            """");
    }

    [Fact]
    public void Connection_field_takes_where_order_and_the_four_paging_arguments() => AssertType("Query", """"
        type Query {
          books(
            """Only rows matching these conditions."""
            where: BookFilterInput

            """Sort keys, most significant first."""
            order: [BookSortInput!]

            """Returns the first n rows (after the `after` cursor)."""
            first: Int

            """Returns rows after this cursor."""
            after: String

            """Returns the last n rows (before the `before` cursor)."""
            last: Int

            """Returns rows before this cursor."""
            before: String
          ): BookConnection!
        }
        """");

    [Fact]
    public void Connection_edge_and_page_info_types_follow_the_relay_shape()
    {
        AssertType("BookConnection", """"
            """A page of Book rows."""
            type BookConnection {
              """The page's edges."""
              edges: [BookEdge!]!

              """The page's nodes."""
              nodes: [Book!]!

              """Page boundaries."""
              pageInfo: PageInfo!

              """Rows matching the filter across all pages (costs one extra query)."""
              totalCount: Int!
            }
            """");
        AssertType("BookEdge", """"
            """A Book and its cursor."""
            type BookEdge {
              """Opaque position of this node; pass it as after/before."""
              cursor: String!

              """The node."""
              node: Book!
            }
            """");
        AssertType("PageInfo", """"
            """Information about pagination in a connection."""
            type PageInfo {
              """Whether more rows follow this page."""
              hasNextPage: Boolean!

              """Whether rows precede this page."""
              hasPreviousPage: Boolean!

              """The cursor of the first edge."""
              startCursor: String

              """The cursor of the last edge."""
              endCursor: String
            }
            """");
    }

    private static void AssertType(string name, string expected)
    {
        var type = Built.GetType(name) ?? throw new InvalidOperationException($"The schema has no type {name}.");
        Assert.Equal(expected, SchemaPrinter.PrintType(type));
    }

    /// <summary>
    /// The data type is configured before its object type is registered, and its CLR name differs from its GraphQL name,
    /// as in a module that keeps its read models apart from its schema.
    /// </summary>
    private static Schema Build()
    {
        var builder = new SchemaBuilder()
            .AddDataType<BookRow>(d => d.Ignore(b => b.Isbn).Rename(b => b.Pages, "pageCount"));
        builder.Enum<Genre>();
        builder.Object<ShelfRow>("Shelf", o => o
            .Field("id", s => s.Id)
            .Field("label", s => s.Label));
        builder.Object<BookRow>("Book", o => o
            .Field("id", b => b.Id)
            .Field("title", b => b.Title)
            .Field("shelf", "Shelf", f => f.Resolve(b => b.Shelf)));
        builder.Object("Query", q => q.Connection("books", _ => Array.Empty<BookRow>().AsQueryable()));
        return builder.Build();
    }

    private enum Genre
    {
        Fiction,
        Poetry,
    }

    private sealed class ShelfRow
    {
        public int Id { get; init; }

        public string Label { get; init; } = "";
    }

    private sealed class BookRow
    {
        public int Id { get; init; }

        public string Title { get; init; } = "";

        public string? Subtitle { get; init; }

        public decimal Price { get; init; }

        public int? Pages { get; init; }

        public DateOnly Published { get; init; }

        public DateTimeOffset? Updated { get; init; }

        public bool InPrint { get; init; }

        public Genre Genre { get; init; }

        public long Isbn { get; init; }

        public ShelfRow? Shelf { get; init; }
    }
}
