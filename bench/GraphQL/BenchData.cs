namespace RfmGraph.Bench.GraphQL;

/// <summary>The benchmark data of bench/README.md ("Benchmark data"), built once; the same as bench/graphql-js/bench-data.mjs.</summary>
internal static class BenchData
{
    private static readonly string[] Colors = ["red", "green", "blue"];
    private static readonly string[] Sizes = ["S", "M", "L"];
    private static readonly string[] Cities = ["Oslo", "Lima", "Pune", "Kyiv"];

    public static IReadOnlyList<Product> Products { get; } = Build();

    private static Product[] Build()
    {
        var categories = Enumerable.Range(1, 10).Select(k => new Category($"c{k}", $"Category {k}")).ToArray();
        var warehouses = Enumerable.Range(1, 4).Select(k => new Warehouse($"w{k}", $"Warehouse {k}", Cities[k - 1])).ToArray();
        return Enumerable.Range(1, 100).Select(i => new Product(
            $"p{i}",
            $"Product {i}",
            $"Description of product {i}",
            i * 1.25,
            i % 3 != 0,
            (i % 5) + 0.5,
            categories[(i - 1) % 10],
            Enumerable.Range(1, 3).Select(j => new Variant(
                $"p{i}-v{j}",
                $"SKU-{i}-{j}",
                Colors[j - 1],
                Sizes[(i + j) % 3],
                i * j % 17,
                warehouses[(i + j) % 4])).ToArray())).ToArray();
    }
}

internal sealed record Product(string Id, string Name, string Description, double Price, bool InStock, double Rating, Category Category, Variant[] Variants);

internal sealed record Category(string Id, string Name);

internal sealed record Variant(string Id, string Sku, string Color, string Size, int Stock, Warehouse Warehouse);

internal sealed record Warehouse(string Id, string Name, string City);
