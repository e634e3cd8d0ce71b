using Microsoft.EntityFrameworkCore;
using RfmGraph.GraphQL.Data.Filtering;
using RfmGraph.GraphQL.Data.Tests.Catalog;
using static RfmGraph.GraphQL.Data.Tests.Input;

namespace RfmGraph.GraphQL.Data.Tests;

/// <summary>Every filter operation, run by PostgreSQL through EF Core and by LINQ-to-objects: same rows.</summary>
[Collection(CatalogCollection.Name)]
public sealed class FilterTests(CatalogDatabase database)
{
    private static readonly Dictionary<string, Func<CatalogDatabase, Dictionary<string, object?>>> Cases = new()
    {
        ["string eq"] = d => Field("name", "eq", d.Products[5].Name),
        ["string neq"] = d => Field("name", "neq", d.Products[5].Name),
        ["string in"] = d => Field("name", "in", List(d.Products[1].Name, d.Products[2].Name, "missing")),
        ["string nin"] = d => Field("name", "nin", List(d.Products[1].Name, d.Products[2].Name)),
        ["string contains"] = _ => Field("name", "contains", "ra"),
        ["string ncontains"] = _ => Field("name", "ncontains", "ra"),
        ["string startsWith"] = _ => Field("name", "startsWith", "Echo"),
        ["string nstartsWith"] = _ => Field("name", "nstartsWith", "Echo"),
        ["string endsWith"] = _ => Field("name", "endsWith", " 7"),
        ["string nendsWith"] = _ => Field("name", "nendsWith", " 7"),
        ["string case-sensitive"] = _ => Field("name", "startsWith", "echo"),
        ["string with LIKE wildcards"] = _ => Field("name", "contains", "%a_"),
        ["nullable string eq null"] = _ => Field("summary", "eq", null),
        ["nullable string neq null"] = _ => Field("summary", "neq", null),
        ["nullable string contains"] = _ => Field("summary", "contains", "and alpha"),
        ["nullable string ncontains"] = _ => Field("summary", "ncontains", "alpha"),
        ["nullable string neq value"] = _ => Field("summary", "neq", "alpha and alpha"),
        ["nullable string nin"] = _ => Field("summary", "nin", List("alpha and alpha", "golf and hotel")),
        ["int eq"] = _ => Field("quantity", "eq", 7),
        ["int neq"] = _ => Field("quantity", "neq", 7),
        ["int in"] = _ => Field("quantity", "in", List(1, 2, 3)),
        ["int nin"] = _ => Field("quantity", "nin", List(1, 2, 3)),
        ["int gt"] = _ => Field("quantity", "gt", 20),
        ["int gte"] = _ => Field("quantity", "gte", 20),
        ["int lt"] = _ => Field("quantity", "lt", 3),
        ["int lte"] = _ => Field("quantity", "lte", 3),
        ["int range"] = _ => Obj(("quantity", Obj(("gte", 5), ("lte", 10)))),
        ["int eq null on non-null column"] = _ => Field("quantity", "eq", null),
        ["long gt"] = _ => Field("views", "gt", 5_000_000_000L),
        ["long lte"] = _ => Field("views", "lte", 2_500_000_000L),
        ["decimal gte"] = _ => Field("price", "gte", 100.5m),
        ["decimal lt"] = _ => Field("price", "lt", 20.25m),
        ["decimal eq"] = d => Field("price", "eq", d.Products[10].Price),
        ["decimal in"] = d => Field("price", "in", List(d.Products[10].Price, d.Products[11].Price)),
        ["float gte"] = _ => Field("rating", "gte", 4.5),
        ["float eq"] = _ => Field("rating", "eq", 2.5),
        ["float nin"] = _ => Field("rating", "nin", List(0.0, 5.0)),
        ["datetime gt"] = _ => Field("createdAt", "gt", Utc(2024, 6, 1)),
        ["datetime lte with offset"] = _ => Field("createdAt", "lte", new DateTimeOffset(2024, 3, 1, 2, 0, 0, TimeSpan.FromHours(2))),
        ["datetime eq"] = d => Field("createdAt", "eq", new DateTimeOffset(d.Products[3].CreatedAt)),
        ["datetimeoffset eq null"] = _ => Field("updatedAt", "eq", null),
        ["datetimeoffset gt"] = _ => Field("updatedAt", "gt", Utc(2024, 8, 1)),
        ["datetimeoffset lt"] = _ => Field("updatedAt", "lt", Utc(2024, 4, 1)),
        ["date gte"] = _ => Field("releaseDate", "gte", new DateOnly(2024, 3, 1)),
        ["date lt"] = _ => Field("releaseDate", "lt", new DateOnly(2023, 6, 1)),
        ["date in"] = d => Field("releaseDate", "in", List(d.Products[0].ReleaseDate, d.Products[1].ReleaseDate)),
        ["bool eq"] = _ => Field("inStock", "eq", true),
        ["bool neq"] = _ => Field("inStock", "neq", true),
        ["enum eq"] = _ => Field("status", "eq", ProductStatus.Active),
        ["enum neq"] = _ => Field("status", "neq", ProductStatus.Active),
        ["enum in"] = _ => Field("status", "in", List(ProductStatus.Draft, ProductStatus.Discontinued)),
        ["enum nin"] = _ => Field("status", "nin", List(ProductStatus.Draft)),
        ["nullable int eq null"] = _ => Field("discount", "eq", null),
        ["nullable int neq null"] = _ => Field("discount", "neq", null),
        ["nullable int gt"] = _ => Field("discount", "gt", 20),
        ["nullable int in"] = _ => Field("discount", "in", List(0, 25)),
        ["nullable int nin"] = _ => Field("discount", "nin", List(0, 25)),
        ["nullable int neq value"] = _ => Field("discount", "neq", 25),
        ["nested eq"] = _ => Obj(("category", Field("name", "eq", "Category B"))),
        ["nested gte"] = _ => Obj(("category", Field("rank", "gte", 1))),
        ["nested and field"] = _ => Obj(("category", Field("rank", "eq", 0)), ("price", Obj(("lt", 50m)))),
        ["or"] = _ => Obj(("or", List(Field("quantity", "lt", 5), Field("price", "gt", 150m)))),
        ["and"] = _ => Obj(("and", List(Field("inStock", "eq", true), Field("status", "eq", ProductStatus.Active)))),
        ["and of or"] = _ => Obj(("and", List(
            Obj(("or", List(Field("quantity", "lt", 5), Field("quantity", "gt", 25)))),
            Obj(("or", List(Field("summary", "eq", null), Field("discount", "eq", null))))))),
        ["field null means no condition"] = _ => Obj(("summary", null), ("quantity", Obj(("gt", 10)))),
        ["empty object"] = _ => Obj(),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Filter_matches_linq_to_objects(string name)
    {
        var model = CatalogSchema.Model<Product>();
        var where = FilterCompiler.Compile<Product>(model, Cases[name](database));
        var expected = (where is null ? database.Products.AsQueryable() : database.Products.AsQueryable().Where(where)).Select(p => p.Id).Order().ToList();
        await using var db = database.CreateContext();
        var query = where is null ? db.Products : db.Products.Where(where);
        var actual = await query.Select(p => p.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(expected, actual);
        if (name is not ("string case-sensitive" or "string with LIKE wildcards" or "int eq null on non-null column"))
        {
            Assert.NotEmpty(actual);
        }
        if (name is not ("empty object"))
        {
            Assert.True(actual.Count < database.Products.Count, "the filter should exclude some rows");
        }
    }

    [Fact]
    public async Task Values_are_sql_parameters_not_literals()
    {
        var model = CatalogSchema.Model<Product>();
        var log = new CommandLog();
        await using var db = database.CreateContext(log);
        await db.Products.Where(FilterCompiler.Compile<Product>(model, Field("name", "eq", "needle-value"))!).ToListAsync();
        await db.Products.Where(FilterCompiler.Compile<Product>(model, Field("quantity", "in", List(11, 12)))!).ToListAsync();
        Assert.DoesNotContain("needle-value", log.Commands[0], StringComparison.Ordinal);
        Assert.Contains("@", log.Commands[0], StringComparison.Ordinal);
        Assert.Contains("ANY", log.Commands[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_or_is_a_clear_error()
    {
        var model = CatalogSchema.Model<Product>();
        var error = Assert.Throws<GraphQLException>(() => FilterCompiler.Compile<Product>(model, Obj(("or", List()))));
        Assert.Equal("'where.or' must contain at least one condition.", error.Message);
    }

    [Fact]
    public void Null_comparison_operand_is_a_clear_error()
    {
        var model = CatalogSchema.Model<Product>();
        var error = Assert.Throws<GraphQLException>(() => FilterCompiler.Compile<Product>(model, Field("price", "gt", null)));
        Assert.Equal("'where.price.gt' does not accept null.", error.Message);
        error = Assert.Throws<GraphQLException>(() => FilterCompiler.Compile<Product>(model, Field("price", "in", null)));
        Assert.Equal("'where.price.in' does not accept null; give a list of values.", error.Message);
    }

    [Fact]
    public void Ignored_members_are_not_filterable_and_renamed_ones_use_their_new_name()
    {
        var model = CatalogSchema.Model<Product>();
        Assert.Null(model.Find("secret"));
        Assert.Null(model.Find("description"));
        Assert.Equal("Description", model.Find("summary")!.Property.Name);
        var error = Assert.Throws<GraphQLException>(() => FilterCompiler.Compile<Product>(model, Field("secret", "eq", "s1")));
        Assert.Equal("'where.secret' is not a filterable field.", error.Message);
    }
}
