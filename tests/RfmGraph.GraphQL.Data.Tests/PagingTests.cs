using RfmGraph.GraphQL.Data.Filtering;
using RfmGraph.GraphQL.Data.Paging;
using RfmGraph.GraphQL.Data.Sorting;
using RfmGraph.GraphQL.Data.Tests.Catalog;
using static RfmGraph.GraphQL.Data.Tests.Input;

namespace RfmGraph.GraphQL.Data.Tests;

/// <summary>
/// Keyset paging on PostgreSQL: walking forward (first/after) and backward (last/before) through every sort shape
/// yields exactly the LINQ-to-objects order, one SQL statement per page (two when totalCount is asked).
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class PagingTests(CatalogDatabase database)
{
    private static readonly PagingOptions Options = new();

    public static TheoryData<string> OrderNames() => [.. SortTests.Orders.Keys];

    [Theory]
    [MemberData(nameof(OrderNames))]
    public async Task Forward_pages_visit_every_row_once_in_order(string order)
    {
        var model = CatalogSchema.Model<Product>();
        var filter = FilterCompiler.Compile<Product>(model, Field("quantity", "gte", 4));
        var sort = SortCompiler.Compile(model, SortTests.Orders[order]);
        var expected = sort.Apply(database.Products.AsQueryable().Where(filter!)).Select(p => p.Id).ToList();
        var log = new CommandLog();
        await using var db = database.CreateContext(log);
        var seen = new List<int>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            log.Clear();
            var page = await ConnectionQuery.ExecuteAsync(db.Products, filter, sort, new PagingArguments(37, after, null, null), 37, null, false, AsyncQueryExecutor.Default, default);
            Assert.Single(log.Commands);
            pages++;
            seen.AddRange(page.Edges.Select(e => e.Node.Id));
            Assert.Equal(after is not null, page.PageInfo.HasPreviousPage);
            Assert.Equal(page.Edges.FirstOrDefault()?.Cursor, page.PageInfo.StartCursor);
            Assert.Equal(page.Edges.LastOrDefault()?.Cursor, page.PageInfo.EndCursor);
            if (!page.PageInfo.HasNextPage)
            {
                break;
            }
            Assert.Equal(37, page.Edges.Count);
            after = page.PageInfo.EndCursor;
        }
        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + 36) / 37, pages);
    }

    [Theory]
    [MemberData(nameof(OrderNames))]
    public async Task Backward_pages_visit_every_row_once_in_order(string order)
    {
        var model = CatalogSchema.Model<Product>();
        var sort = SortCompiler.Compile(model, SortTests.Orders[order]);
        var expected = sort.Apply(database.Products.AsQueryable()).Select(p => p.Id).ToList();
        var log = new CommandLog();
        await using var db = database.CreateContext(log);
        var seen = new List<int>();
        string? before = null;
        while (true)
        {
            log.Clear();
            var page = await ConnectionQuery.ExecuteAsync(db.Products, null, sort, new PagingArguments(null, null, 50, before), 50, null, false, AsyncQueryExecutor.Default, default);
            Assert.Single(log.Commands);
            seen.InsertRange(0, page.Edges.Select(e => e.Node.Id));
            Assert.Equal(before is not null, page.PageInfo.HasNextPage);
            if (!page.PageInfo.HasPreviousPage)
            {
                break;
            }
            before = page.PageInfo.StartCursor;
        }
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Total_count_costs_exactly_one_more_statement_and_counts_the_filtered_rows()
    {
        var model = CatalogSchema.Model<Product>();
        var filter = FilterCompiler.Compile<Product>(model, Field("status", "eq", ProductStatus.Active));
        var sort = SortCompiler.Compile(model, SortTests.Orders["decimal desc"]);
        var log = new CommandLog();
        await using var db = database.CreateContext(log);
        var page = await ConnectionQuery.ExecuteAsync(db.Products, filter, sort, new PagingArguments(5, null, null, null), 5, null, true, AsyncQueryExecutor.Default, default);
        Assert.Equal(2, log.Commands.Count);
        Assert.Contains("count(*)", log.Commands[1], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(database.Products.Count(p => p.Status == ProductStatus.Active), page.TotalCount);
        log.Clear();
        page = await ConnectionQuery.ExecuteAsync(db.Products, filter, sort, new PagingArguments(5, null, null, null), 5, null, false, AsyncQueryExecutor.Default, default);
        Assert.Single(log.Commands);
        Assert.Null(page.TotalCount);
    }

    [Fact]
    public async Task Page_sql_seeks_with_limit_and_no_offset()
    {
        var model = CatalogSchema.Model<Product>();
        var sort = SortCompiler.Compile(model, SortTests.Orders["decimal desc"]);
        var log = new CommandLog();
        await using var db = database.CreateContext(log);
        var first = await ConnectionQuery.ExecuteAsync(db.Products, null, sort, new PagingArguments(10, null, null, null), 10, null, false, AsyncQueryExecutor.Default, default);
        log.Clear();
        await ConnectionQuery.ExecuteAsync(db.Products, null, sort, new PagingArguments(10, first.PageInfo.EndCursor, null, null), 10, null, false, AsyncQueryExecutor.Default, default);
        var sql = log.Commands.Single();
        Assert.Contains("LIMIT", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFSET", sql, StringComparison.Ordinal);
        Assert.Contains("p.\"Price\" <= @", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_rows_full_of_ties_page_forward_and_backward_exactly_once()
    {
        var model = CatalogSchema.Model<Ticket>();
        object?[] order = [Obj(("priority", SortEnumType.Asc)), Obj(("queue", SortEnumType.Desc)), Obj(("score", SortEnumType.Asc))];
        var sort = SortCompiler.Compile(model, order);
        var expected = sort.Apply(database.Tickets.AsQueryable()).Select(t => t.Id).ToList();
        Assert.Equal(10_000, expected.Count);
        await using var db = database.CreateContext();

        var forward = new List<int>();
        string? after = null;
        do
        {
            var page = await ConnectionQuery.ExecuteAsync(db.Tickets, null, sort, new PagingArguments(100, after, null, null), 100, null, false, AsyncQueryExecutor.Default, default);
            forward.AddRange(page.Edges.Select(e => e.Node.Id));
            after = page.PageInfo.HasNextPage ? page.PageInfo.EndCursor : null;
        }
        while (after is not null);
        Assert.Equal(expected, forward);

        var backward = new List<int>();
        string? before = null;
        do
        {
            var page = await ConnectionQuery.ExecuteAsync(db.Tickets, null, sort, new PagingArguments(null, null, 100, before), 100, null, false, AsyncQueryExecutor.Default, default);
            backward.InsertRange(0, page.Edges.Select(e => e.Node.Id));
            before = page.PageInfo.HasPreviousPage ? page.PageInfo.StartCursor : null;
        }
        while (before is not null);
        Assert.Equal(expected, backward);
        Assert.Equal(10_000, backward.Distinct().Count());
    }

    [Fact]
    public async Task After_and_before_together_give_the_rows_between()
    {
        var model = CatalogSchema.Model<Product>();
        var sort = SortCompiler.Compile(model, SortTests.Orders["nullable string asc"]);
        await using var db = database.CreateContext();
        var all = await ConnectionQuery.ExecuteAsync(db.Products, null, sort, new PagingArguments(100, null, null, null), 100, null, false, AsyncQueryExecutor.Default, default);
        var between = await ConnectionQuery.ExecuteAsync(db.Products, null, sort, new PagingArguments(100, all.Edges[10].Cursor, null, all.Edges[20].Cursor), 100, null, false, AsyncQueryExecutor.Default, default);
        Assert.Equal(all.Edges.Skip(11).Take(9).Select(e => e.Node.Id), between.Edges.Select(e => e.Node.Id));
    }

    [Theory]
    [InlineData(101, null, "Requesting 101 records on 'products' exceeds the maximum of 100.")]
    [InlineData(-1, null, "'first' on 'products' must not be negative.")]
    [InlineData(null, -3, "'last' on 'products' must not be negative.")]
    [InlineData(5, 5, "Give either 'first' or 'last' on 'products', not both.")]
    public void Page_size_limits_are_clear_errors(int? first, int? last, string message)
    {
        var error = Assert.Throws<GraphQLException>(() => new PagingArguments(first, null, last, null).PageSize(Options, "products"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Default_page_size_applies_when_neither_first_nor_last_is_given()
    {
        Assert.Equal(10, new PagingArguments(null, null, null, null).PageSize(Options, "products"));
        Assert.Equal(25, new PagingArguments(null, null, null, null).PageSize(new PagingOptions { DefaultPageSize = 25, MaxPageSize = 40 }, "products"));
        Assert.True(new PagingArguments(null, null, null, "x").Backward);
    }
}
