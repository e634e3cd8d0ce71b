using RfmGraph.GraphQL;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Validation;

namespace RfmGraph.Bench.GraphQL;

/// <summary>bench/graphql-js/bench-schema.graphql with the README's resolvers: only Query.products does work.</summary>
internal static class BenchSchema
{
    public static string Sdl { get; } = Resource("bench-schema.graphql");

    public static string NestedQuery { get; } = Resource("nested.graphql");

    public static string IntrospectionQuery { get; } = Resource("introspection-query.graphql");

    public static Schema Build()
    {
        var builder = new SchemaBuilder().AddSdl(Sdl);
        builder.Resolve("Query", "products", context =>
        {
            var products = BenchData.Products;
            if (!context.Arguments.TryGetValue("first", out var value) || value is null)
            {
                return new ValueTask<object?>(products);
            }
            var first = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            if (first < 0 || first > products.Count)
            {
                throw new GraphQLException(new GraphQLError($"first must be between 0 and {products.Count}."));
            }
            return new ValueTask<object?>(first == products.Count ? products : products.Take(first).ToArray());
        });
        return builder.Build();
    }

    /// <summary>The executor as the Host builds it: every spec validation rule, default limits, document cache on.</summary>
    public static GraphQLExecutor CreateExecutor(GraphQLOptions? options = null) =>
        new(Build(), options ?? GraphQLOptions.Default, (schema, document, maxErrors) => DocumentValidator.Validate(schema, document, maxErrors: maxErrors));

    private static string Resource(string name)
    {
        using var stream = typeof(BenchSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
