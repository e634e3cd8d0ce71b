using RfmGraph.GraphQL.Data.Model;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Paging;

/// <summary>Adds <c>&lt;Type&gt;Connection</c>, <c>&lt;Type&gt;Edge</c> and the shared <c>PageInfo</c> (Relay cursor connections spec).</summary>
internal static class ConnectionTypes
{
    public const string PageInfoName = "PageInfo";

    public static string ConnectionName(DataTypeModel model) => model.GraphQLName + "Connection";

    public static string EdgeName(DataTypeModel model) => model.GraphQLName + "Edge";

    public static string Ensure<T>(DataConventions conventions, DataTypeModel model)
    {
        var schema = conventions.Schema;
        var connection = ConnectionName(model);
        var edge = EdgeName(model);
        var node = model.GraphQLName;
        conventions.RunOnce(PageInfoName, () =>
        {
            schema.Object<PageInfo>(PageInfoName, o => o
                .Description("Information about pagination in a connection.")
                .Field("hasNextPage", "Boolean!", p => p.HasNextPage, "Whether more rows follow this page.")
                .Field("hasPreviousPage", "Boolean!", p => p.HasPreviousPage, "Whether rows precede this page.")
                .Field("startCursor", "String", p => p.StartCursor, "The cursor of the first edge.")
                .Field("endCursor", "String", p => p.EndCursor, "The cursor of the last edge."));
        });
        conventions.RunOnce(edge, () =>
        {
            schema.Object<Edge<T>>(edge, o => o
                .Description($"A {node} and its cursor.")
                .Field("cursor", "String!", e => e.Cursor, "Opaque position of this node; pass it as after/before.")
                .Field("node", node + "!", e => e.Node, "The node."));
        });
        conventions.RunOnce(connection, () =>
        {
            schema.Object<Connection<T>>(connection, o => o
                .Description($"A page of {node} rows.")
                .Field("edges", $"[{edge}!]!", c => c.Edges, "The page's edges.")
                .Field("nodes", $"[{node}!]!", c => c.Nodes, "The page's nodes.")
                .Field("pageInfo", PageInfoName + "!", c => c.PageInfo, "Page boundaries.")
                .Field("totalCount", "Int!", c => c.TotalCount ?? 0, "Rows matching the filter across all pages (costs one extra query)."));
        });
        return connection;
    }
}
