using RfmGraph.GraphQL.Types;

namespace RfmGraph.Sales.GraphQL;

/// <summary>Everything Sales adds to the GraphQL schema (its fields on the Host's Query and Mutation roots, by name).</summary>
internal static class SalesGraphQL
{
    public static SchemaBuilder Register(SchemaBuilder schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        SalesTypes.Add(schema);
        SalesQueries.Add(schema);
        SalesMutations.Add(schema);
        return schema;
    }
}
