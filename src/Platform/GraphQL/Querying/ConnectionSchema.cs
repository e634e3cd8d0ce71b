using RfmGraph.GraphQL.Types;

namespace RfmGraph.Platform.GraphQL.Querying;

/// <summary>Adds the GraphQL types of a SQL-backed connection: filter input, order input, connection and edge.</summary>
public static class ConnectionSchema
{
    public static void AddConnectionTypes<TNode>(SchemaBuilder schema, SqlModel model, string description)
    {
        schema.InputObject<object>(model.FilterInputName, input =>
        {
            input.Description($"Conditions on {model.TypeName} fields; all given conditions must hold (use or for alternatives).");
            input.Field("and", $"[{model.FilterInputName}!]", "All of these conditions hold.");
            input.Field("or", $"[{model.FilterInputName}!]", "At least one of these conditions holds.");
            foreach (var column in model.Columns)
            {
                input.Field(column.Field, SqlModel.OperationInput(column.Kind), column.Description);
            }
        });
        schema.InputObject<object>(model.OrderInputName, input =>
        {
            input.Description($"One sort key of {model.TypeName}: name exactly one field per element, most significant first.");
            foreach (var column in model.Columns)
            {
                input.Field(column.Field, "SortDirection", column.Description);
            }
        });
        schema.Object<Edge<TNode>>(model.TypeName + "Edge", edge => edge
            .Description($"A {model.TypeName} and its cursor.")
            .Field("cursor", "String!", e => e.Cursor, "Opaque position of this row; pass it as after/before.")
            .Field("node", model.TypeName + "!", e => e.Node, "The row."));
        schema.Object<Connection<TNode>>(model.TypeName + "Connection", connection =>
        {
            connection.Description(description);
            connection.Field("edges", $"[{model.TypeName}Edge!]!", c => c.Edges, "The page's rows with their cursors.");
            connection.Field("nodes", $"[{model.TypeName}!]!", c => c.Nodes, "The page's rows.");
            connection.Field("pageInfo", "PageInfo!", c => c.PageInfo, "Whether more pages exist, and the cursors of this page's ends.");
            connection.Field("totalCount", "Int!")
                .Description("Rows matching the filter (all pages). Computed by a COUNT only when selected.")
                .ResolveAsync((c, ctx, ct) => c.CountAsync(ct));
        });
    }

    /// <summary>The Relay paging arguments plus where/order of a model.</summary>
    public static FieldBuilder<TSource> ConnectionArguments<TSource>(this FieldBuilder<TSource> field, SqlModel model) => field
        .Argument("where", model.FilterInputName, "Only rows matching these conditions.")
        .Argument("order", $"[{model.OrderInputName}!]", "Sort keys, most significant first; the row id is always the last tie-breaker.")
        .Argument("first", "Int", $"The first n rows after `after` (default {SqlPage<object>.DefaultPageSize}, at most {SqlPage<object>.MaxPageSize}).")
        .Argument("after", "String", "Rows after this cursor.")
        .Argument("last", "Int", $"The last n rows before `before` (at most {SqlPage<object>.MaxPageSize}).")
        .Argument("before", "String", "Rows before this cursor.");
}
