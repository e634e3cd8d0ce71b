using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Oracle;

/// <summary>
/// The C# twin of tests/Conformance/oracle/schema.graphql, built with the fluent builder: the same types, fields,
/// arguments, defaults, descriptions and deprecations in the same order (a test prints it and compares with the
/// file byte for byte), with the resolvers of <see cref="OracleResolvers"/>.
/// </summary>
internal static class OracleSchema
{
    public static Schema Build()
    {
        var builder = new SchemaBuilder()
            .Scalar(new OracleDateTimeScalar())
            .Scalar(new OracleDateScalar())
            .Scalar(new OracleDecimalScalar())
            .Scalar(new OracleLongScalar())
            .Interface("Node", i => i
                .Description("Anything with a stable identifier.")
                .ResolveType(OracleResolvers.TypeOfRow)
                .Field("id", "ID!"))
            .Interface("Named", i =>
            {
                i.Description("A node with a display name.").Implements("Node").ResolveType(OracleResolvers.TypeOfRow);
                i.Field("id", "ID!");
                i.Field("name", "String!");
            })
            .AddType(TextEnum("Genre", ["FICTION", "SCIENCE", "HISTORY", "POETRY"]))
            .AddType(TextEnum("Format", ["HARDCOVER", "PAPERBACK", "EBOOK", "AUDIO"], ("AUDIO", "No longer sold.")))
            .AddType(TextEnum("Role", ["ADMIN", "MEMBER", "GUEST"]));
        AddAuthor(builder);
        AddBook(builder);
        AddMember(builder);
        builder.Union("SearchResult", ["Author", "Book", "Member"], OracleResolvers.TypeOfRow);
        AddInputs(builder);
        AddProbe(builder);
        AddQuery(builder);
        AddMutation(builder);
        return builder.Build();
    }

    /// <summary>An enum whose internal values are its names (rows keep enum columns as text, like data.mjs).</summary>
    private static EnumType TextEnum(string name, string[] values, params (string Value, string Reason)[] deprecated)
    {
        var type = new EnumType(name);
        foreach (var value in values)
        {
            type.AddValue(new EnumValueDefinition(value, value)
            {
                DeprecationReason = deprecated.FirstOrDefault(d => d.Value == value).Reason,
            });
        }
        return type;
    }

    private static void AddAuthor(SchemaBuilder builder) => builder.Object<OracleAuthor>("Author", a => a
        .Implements("Named", "Node")
        .Field("id", "ID!", author => author.Id)
        .Field("name", "String!", author => author.Name)
        .Field("born", "Date", author => author.Born)
        .Field("birthYear", "Int!", OracleResolvers.BirthYear, "Year of `born`; a non-null violation for authors without a birth date.")
        .Field("rating", "Float", author => author.Rating)
        .Field("books", "[Book!]!", f => f
            .Description("Books by this author in id order, optionally of one genre, at most `first`.")
            .Argument("first", "Int", defaultValue: 2)
            .Argument("genre", "Genre")
            .Resolve(OracleResolvers.AuthorBooks))
        .Field("secret", "String", f => f
            .Description("Always fails.")
            .Resolve<string?>(author => throw new GraphQLException($"Secret of {author.Id} is not readable."))));

    private static void AddBook(SchemaBuilder builder) => builder.Object<OracleBook>("Book", b => b
        .Implements("Named", "Node")
        .Field("id", "ID!", book => book.Id)
        .Field("name", "String!", book => book.Name)
        .Field("genre", "Genre!", book => book.Genre)
        .Field("formats", "[Format!]!", book => book.Formats)
        .Field("pages", "Int", book => book.Pages)
        .Field("price", "Decimal!", book => book.Price)
        .Field("isbn", "String", book => book.Isbn)
        .Field("published", "Date!", book => book.Published)
        .Field("addedAt", "DateTime!", book => book.AddedAt)
        .Field("sold", "Long!", book => book.Sold)
        .Field("author", "Author!", OracleResolvers.BookAuthor, "Fails for a book whose author is unknown.")
        .Field("tags", "[String!]!", book => book.Tags)
        .Field("ratings", "[[Int]]", book => book.Ratings, "Star ratings per reader, one inner list per reader.")
        .Field("similar", "[Book]", f => f
            .Description("Other books of the same genre in id order, at most `limit`.")
            .Argument("limit", "Int", defaultValue: 1)
            .Resolve(OracleResolvers.Similar)));

    private static void AddMember(SchemaBuilder builder) => builder
        .Object<OracleMember>("Member", m => m
            .Implements("Named", "Node")
            .Field("id", "ID!", member => member.Id)
            .Field("name", "String!", member => member.Name)
            .Field("role", "Role", member => member.Role)
            .Field("joined", "DateTime!", member => member.Joined)
            .Field("nickname", "String!", member => member.Nickname, "Null for some members although declared non-null.")
            .Field("favoriteGenre", "Genre", member => member.FavoriteGenre)
            .Field("loans", "[Loan!]!", member => member.Loans))
        .Object<OracleLoan>("Loan", l => l
            .Field("book", "Book!", loan => OracleResolvers.BookById(loan.BookId))
            .Field("due", "Date!", loan => loan.Due)
            .Field("fine", "Decimal", loan => loan.Fine));

    private static void AddInputs(SchemaBuilder builder) => builder
        .InputObject<object>("BookFilter", i => i
            .Field("genre", "Genre")
            .Field("genres", "[Genre!]")
            .Field("minPages", "Int", defaultValue: 0)
            .Field("titleContains", "String")
            .Field("publishedAfter", "Date")
            .Field("maxPrice", "Decimal"))
        .InputObject<object>("BookKey", i => i
            .OneOf()
            .Field("id", "ID")
            .Field("isbn", "String"))
        .InputObject<object>("ProbeInput", i => i
            .Description("Every kind of input value, echoed back by `Query.probe`.")
            .Field("text", "String")
            .Field("count", "Int", defaultValue: 1)
            .Field("ratio", "Float")
            .Field("flag", "Boolean!")
            .Field("when", "DateTime")
            .Field("day", "Date")
            .Field("amount", "Decimal")
            .Field("big", "Long")
            .Field("genre", "Genre", defaultValue: "FICTION")
            .Field("tags", "[String!]")
            .Field("matrix", "[[Int]]")
            .Field("key", "BookKey")
            .Field("nested", "ProbeInput"));

    private static void AddProbe(SchemaBuilder builder) => builder.Object<OracleProbe>("Probe", p => p
        .Description("The coerced `ProbeInput`, field by field.")
        .Field("given", "[String!]!", probe => probe.Given, "Names of the fields present in the coerced input, in definition order.")
        .Field("text", "String", probe => probe.Field("text"))
        .Field("count", "Int", probe => probe.Field("count"))
        .Field("ratio", "Float", probe => probe.Field("ratio"))
        .Field("flag", "Boolean!", probe => probe.Field("flag"))
        .Field("when", "DateTime", probe => probe.Field("when"))
        .Field("day", "Date", probe => probe.Field("day"))
        .Field("amount", "Decimal", probe => probe.Field("amount"))
        .Field("big", "Long", probe => probe.Field("big"))
        .Field("genre", "Genre", probe => probe.Field("genre"))
        .Field("tags", "[String!]", probe => probe.Field("tags"))
        .Field("matrix", "[[Int]]", probe => probe.Field("matrix"))
        .Field("keyId", "ID", probe => probe.Key("id"))
        .Field("keyIsbn", "String", probe => probe.Key("isbn"))
        .Field("nested", "Probe", probe => OracleProbe.Of(probe.Field("nested"))));

    private static void AddQuery(SchemaBuilder builder) => builder.Object("Query", q => q
        .Field("hello", "String!", f => f.Argument("name", "String", defaultValue: "world").Resolve(OracleResolvers.Hello))
        .Field("node", "Node", f => f.Argument("id", "ID!").Resolve(OracleResolvers.Node))
        .Field("nodes", "[Node]!", f => f.Argument("ids", "[ID!]!").Resolve(OracleResolvers.Nodes))
        .Field("named", "Named", f => f.Argument("id", "ID!").Resolve((_, context) => OracleResolvers.Lookup(OracleArgs.Text(context, "id"))))
        .Field("viewer", "Member", _ => OracleData.Members[0])
        .Field("authors", "[Author]!", _ => OracleData.Authors)
        .Field("author", "Author", f => f.Argument("id", "ID!").Resolve((_, context) => OracleResolvers.AuthorById(OracleArgs.Text(context, "id"))))
        .Field("books", "[Book]!", f => f
            .Argument("filter", "BookFilter")
            .Argument("first", "Int", defaultValue: 10)
            .Argument("offset", "Int", defaultValue: 0)
            .Resolve(OracleResolvers.Books))
        .Field("book", "Book", f => f.Argument("key", "BookKey!").Resolve(OracleResolvers.BookByKey))
        .Field("members", "[Member]", _ => OracleData.Members)
        .Field("search", "[SearchResult!]!", f => f
            .Argument("text", "String!")
            .Argument("limit", "Int", defaultValue: 5)
            .Resolve(OracleResolvers.Search))
        .Field("matrix", "[[Int!]!]!", f => f
            .Argument("rows", "Int!", defaultValue: 2)
            .Argument("cols", "Int!", defaultValue: 2)
            .Resolve(OracleResolvers.Matrix))
        .Field("grid", "[[String]]", _ => OracleData.Grid)
        .Field("sum", "Int!", f => f.Argument("values", "[Int!]!").Resolve(OracleResolvers.Sum))
        .Field("pi", "Float!", _ => Math.PI)
        .Field("now", "DateTime!", _ => OracleData.FixedNow)
        .Field("bigNumber", "Long!", _ => OracleData.BigNumber)
        .Field("overflow", "Int", _ => 2147483648L)
        .Field("failing", "String", f => f
            .Argument("message", "String", defaultValue: "boom")
            .Resolve<string?>((_, context) => throw new GraphQLException(OracleArgs.OptionalText(context, "message") ?? "boom")))
        .Field("failingNonNull", "String!", f => f.Resolve<string>(_ => throw new GraphQLException("failingNonNull always fails.")))
        .Field("echoDateTime", "DateTime!", f => f.Argument("value", "DateTime!").Resolve(Echo))
        .Field("echoDate", "Date!", f => f.Argument("value", "Date!").Resolve(Echo))
        .Field("echoDecimal", "Decimal!", f => f.Argument("value", "Decimal!").Resolve(Echo))
        .Field("echoLong", "Long!", f => f.Argument("value", "Long!").Resolve(Echo))
        .Field("probe", "Probe!", f => f.Argument("input", "ProbeInput!").Resolve((_, context) => OracleProbe.Of(context.Arguments["input"]))));

    private static void AddMutation(SchemaBuilder builder) => builder.Object("Mutation", m => m
        .Field("increment", "Int!", f => f
            .Description("Adds `by` to a counter that starts at 0 in every request; returns the new value.")
            .Argument("by", "Int!", defaultValue: 1)
            .Resolve((_, context) => OracleMutationState.Of(context).Increment(OracleArgs.Int(context, "by")!.Value)))
        .Field("append", "[String!]!", f => f
            .Description("Appends `text` to a list that starts empty in every request; returns the list.")
            .Argument("text", "String!")
            .Resolve((_, context) => OracleMutationState.Of(context).Append(OracleArgs.Text(context, "text"))))
        .Field("failingMutation", "Int", f => f.Resolve<int?>(_ => throw new GraphQLException("failingMutation always fails."))));

    private static object? Echo(object _, IResolverContext context) => context.Arguments["value"];
}
