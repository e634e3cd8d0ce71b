using RfmGraph.Scoring.Tests.Infrastructure;

namespace RfmGraph.Scoring.Tests.Reference;

/// <summary>
/// Random but reproducible sales with many ties: order dates on a 4-day grid, amounts in steps of
/// 10, mostly one-order customers; refunds, partial refunds, voided sales, refund-only customers,
/// orders outside the window and after asOf, two storefronts and a second business.
/// </summary>
internal static class RandomSales
{
    public static readonly DateTimeOffset AsOf = new(2026, 3, 15, 18, 30, 0, TimeSpan.Zero);
    public const int WindowDays = 120;

    public static List<Sale> Generate(int seed, int customers)
    {
        var random = new Random(seed);
        var sales = new List<Sale>();
        for (var customer = 1; customer <= customers; customer++)
        {
            var business = customer % 10 == 0 ? 2L : 1L;
            var storefront = business * 10 + random.Next(2);
            if (random.NextDouble() < 0.04)
            {
                sales.Add(new Sale(business, storefront, customer, Day(random), Amount(random), "refunded"));
                continue;
            }

            var orders = random.NextDouble() switch
            {
                < 0.5 => 1,
                < 0.75 => 2,
                < 0.87 => 3,
                < 0.95 => 4,
                _ => 6,
            };
            for (var i = 0; i < orders; i++)
            {
                var status = random.NextDouble() switch
                {
                    < 0.05 => "voided",
                    < 0.12 => "refunded",
                    _ => "completed",
                };
                var amount = Amount(random);
                var refunded = status == "completed" && random.NextDouble() < 0.05 ? 5m : 0m;
                // A few sales fall outside the window (too old, or after asOf) and must be ignored.
                var when = random.NextDouble() switch
                {
                    < 0.03 => AsOf.AddDays(-WindowDays - 1 - random.Next(100)),
                    < 0.04 => AsOf.AddHours(1 + random.Next(48)),
                    _ => Day(random),
                };
                sales.Add(new Sale(business, random.NextDouble() < 0.8 ? storefront : business * 10 + 1 - (storefront % 10), customer, when, amount, status, refunded));
            }
        }

        return sales;
    }

    // Days on a 4-day grid (ties), sometimes a few hours earlier (still the same whole day count).
    private static DateTimeOffset Day(Random random) =>
        AsOf.AddDays(-4 * random.Next(WindowDays / 4 + 1)).AddHours(-random.Next(3) * 7);

    private static decimal Amount(Random random) => 10m * (1 + random.Next(10));
}
