using RfmGraph.GraphQL.Types;
using RfmGraph.Scoring.GraphQL.Statistics;

namespace RfmGraph.Scoring.GraphQL;

/// <summary>
/// Everything Scoring adds to the GraphQL schema. It extends types other modules own by name only:
/// <c>Query</c>, <c>Mutation</c>, <c>Subscription</c> (the Host's roots) and Sales' <c>Customer</c>, and uses
/// Sales' shared <c>PageInfo</c>, <c>SortDirection</c>, <c>StringFilter</c>, <c>DateTimeFilter</c> and <c>UserError</c>.
/// </summary>
internal static class ScoringGraphQL
{
    public static SchemaBuilder Register(SchemaBuilder schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ScoringTypes.Add(schema);
        StatisticsTypes.Add(schema);
        ScoringQueries.Add(schema);
        ScoringMutations.Add(schema);
        ScoringSubscriptions.Add(schema);
        return schema;
    }
}
