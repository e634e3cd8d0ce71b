using System.Globalization;
using Npgsql;
using RfmGraph.GraphQL.Execution;

namespace RfmGraph.Platform.GraphQL.Querying;

/// <summary>
/// Runs one page of a SQL-backed Relay connection: <c>where</c> → predicate, <c>order</c> → ORDER BY with the
/// model's unique key appended, <c>after/before</c> → a keyset (seek) predicate on the sort keys, and LIMIT n+1
/// to learn whether another page exists. One statement per page; <c>totalCount</c> runs its own COUNT only when
/// selected.
/// </summary>
public sealed class SqlPage<TNode>(SqlModel model, Func<NpgsqlDataReader, TNode> read, string select)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    /// <summary>Reads the page described by the field's arguments, restricted by <paramref name="scope"/> (e.g. tenant).</summary>
    public async Task<Connection<TNode>> ExecuteAsync(
        NpgsqlDataSource dataSource,
        IResolverContext context,
        string scope,
        IReadOnlyList<NpgsqlParameter> scopeParameters,
        IReadOnlyList<(string Field, bool Descending)>? defaultOrder = null)
    {
        var args = context.Arguments;
        var first = args.TryGetValue("first", out var f) && f is not null ? Convert.ToInt32(f, CultureInfo.InvariantCulture) : (int?)null;
        var last = args.TryGetValue("last", out var l) && l is not null ? Convert.ToInt32(l, CultureInfo.InvariantCulture) : (int?)null;
        var after = args.TryGetValue("after", out var a) ? a as string : null;
        var before = args.TryGetValue("before", out var b) ? b as string : null;
        if (first is not null && last is not null)
        {
            throw SqlFilter.Error("Pass either first or last, not both.");
        }

        if (first < 0 || last < 0)
        {
            throw SqlFilter.Error("first and last must not be negative.");
        }

        if (first > MaxPageSize || last > MaxPageSize)
        {
            throw SqlFilter.Error($"Pages hold at most {MaxPageSize} rows; ask for fewer with first/last.");
        }

        var backward = last is not null || (before is not null && first is null);
        var size = last ?? first ?? DefaultPageSize;

        var parameters = new List<NpgsqlParameter>(scopeParameters);
        var where = SqlFilter.Compile(model, args.TryGetValue("where", out var w) ? w : null, parameters);
        var countParameters = parameters.ToList();
        var keys = Keys(args.TryGetValue("order", out var o) ? o : null, defaultOrder);
        var signature = SqlCursor.Signature(keys);

        var predicates = new List<string> { scope, where };
        if (after is not null)
        {
            predicates.Add(Seek(keys, SqlCursor.Decode(after, signature, keys), forward: true, parameters));
        }

        if (before is not null)
        {
            predicates.Add(Seek(keys, SqlCursor.Decode(before, signature, keys), forward: false, parameters));
        }

        var orderBy = string.Join(", ", keys.Select(k => $"{k.Sql} {((k.Descending ^ backward) ? "DESC" : "ASC")}"));
        var keyColumns = string.Join(", ", keys.Select((k, i) => $"{k.Sql} AS k{i}"));
        var whereSql = string.Join(" AND ", predicates);
        var sql = $"SELECT {select}, {keyColumns} FROM {model.From} WHERE {whereSql} ORDER BY {orderBy} LIMIT {size + 1}";

        var nodes = new List<(TNode Node, string Cursor)>(size + 1);
        await using (var command = dataSource.CreateCommand(sql))
        {
            command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
            var keyStart = reader.FieldCount - keys.Count;
            while (await reader.ReadAsync(context.CancellationToken))
            {
                var values = new object[keys.Count];
                for (var i = 0; i < keys.Count; i++)
                {
                    values[i] = reader.GetValue(keyStart + i);
                }

                nodes.Add((read(reader), SqlCursor.Encode(signature, values)));
            }
        }

        var more = nodes.Count > size;
        if (more)
        {
            nodes.RemoveAt(nodes.Count - 1);
        }

        if (backward)
        {
            nodes.Reverse();
        }

        var countSql = $"SELECT count(*) FROM {model.From} WHERE {scope} AND {where}";
        var pageInfo = new PageInfo(
            HasNextPage: backward ? before is not null : more,
            HasPreviousPage: backward ? more : after is not null,
            StartCursor: nodes.Count > 0 ? nodes[0].Cursor : null,
            EndCursor: nodes.Count > 0 ? nodes[^1].Cursor : null);
        return new Connection<TNode>(
            nodes.Select(n => new Edge<TNode>(n.Cursor, n.Node)).ToList(),
            pageInfo,
            async ct =>
            {
                await using var count = dataSource.CreateCommand(countSql);
                count.Parameters.AddRange(countParameters.Select(p => p.Clone()).ToArray());
                return System.Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            });
    }

    private List<SqlKey> Keys(object? order, IReadOnlyList<(string Field, bool Descending)>? defaultOrder)
    {
        var keys = new List<SqlKey>();
        var requested = SqlFilter.Items(order).ToList();
        if (requested.Count == 0 && defaultOrder is not null)
        {
            foreach (var (field, descending) in defaultOrder)
            {
                var column = model.Find(field)!;
                keys.Add(new SqlKey(column.SortExpression, column.Kind, descending));
            }
        }

        foreach (var item in requested)
        {
            if (item is not IReadOnlyDictionary<string, object?> map || map.Count != 1)
            {
                throw SqlFilter.Error("Each order element names exactly one field, e.g. order: [{ monetary: DESC }, { recencyDays: ASC }].");
            }

            var (field, direction) = map.First();
            var column = model.Find(field) ?? throw SqlFilter.Error($"Unknown sort field \"{field}\".");
            var descending = string.Equals(Convert.ToString(direction, CultureInfo.InvariantCulture), "DESC", StringComparison.Ordinal);
            if (keys.All(k => k.Sql != column.SortExpression))
            {
                keys.Add(new SqlKey(column.SortExpression, column.Kind, descending));
            }
        }

        // The unique key last makes the order total: keyset paging then returns every row exactly once.
        keys.Add(new SqlKey(model.KeySql, SqlKind.Long, keys.Count > 0 && keys[^1].Descending));
        return keys;
    }

    /// <summary>Rows strictly after (or before) the cursor's position in the requested order.</summary>
    private static string Seek(List<SqlKey> keys, object[] values, bool forward, List<NpgsqlParameter> parameters)
    {
        var names = values.Select(v => SqlFilter.Add(parameters, v)).ToArray();
        if (keys.All(k => k.Descending == keys[0].Descending))
        {
            // One direction: a row comparison, which PostgreSQL matches to a composite index.
            var greater = forward ^ keys[0].Descending;
            return $"({string.Join(", ", keys.Select(k => k.Sql))}) {(greater ? ">" : "<")} ({string.Join(", ", names)})";
        }

        var disjuncts = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var terms = new List<string>();
            for (var j = 0; j < i; j++)
            {
                terms.Add($"{keys[j].Sql} = {names[j]}");
            }

            var greater = forward ^ keys[i].Descending;
            terms.Add($"{keys[i].Sql} {(greater ? ">" : "<")} {names[i]}");
            disjuncts.Add("(" + string.Join(" AND ", terms) + ")");
        }

        return "(" + string.Join(" OR ", disjuncts) + ")";
    }
}

/// <summary>A Relay connection page; <see cref="CountAsync"/> runs only when totalCount is selected.</summary>
public sealed record Connection<TNode>(IReadOnlyList<Edge<TNode>> Edges, PageInfo PageInfo, Func<CancellationToken, Task<int>> CountAsync)
{
    public IEnumerable<TNode> Nodes => Edges.Select(e => e.Node);
}

public sealed record Edge<TNode>(string Cursor, TNode Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
