using RfmGraph.Scoring.Tests.Infrastructure;

namespace RfmGraph.Scoring.Tests;

/// <summary>
/// Ten scored customers (1..10) whose values are chosen by hand, plus rows that must not count.
/// Business 1, storefront 10 (customer 6 buys in storefront 11). As of 2026-06-30 12:00 UTC, a
/// 365-day window. Expected values per customer (recency days, frequency, monetary):
///   1: 1, 5, 500   2: 3, 4, 320   3: 3, 1, 80    4: 10, 2, 150   5: 30, 1, 40
///   6: 30, 1, 40   7: 60, 3, 210  8: 90, 1, 25   9: 120, 2, 90  10: 200, 1, 15
/// </summary>
internal static class HandMadeData
{
    public const long Business = 1;
    public const long OtherBusiness = 2;
    public static readonly DateTimeOffset AsOf = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset DaysAgo(double days) => AsOf.AddDays(-days);

    public static IEnumerable<Sale> Sales()
    {
        // 1: five orders of 100, the last one day ago.
        foreach (var d in new[] { 1, 11, 21, 31, 41 })
        {
            yield return new Sale(Business, 10, 1, DaysAgo(d), 100m);
        }

        // 2: four orders of 80, the last three days ago.
        foreach (var d in new[] { 3, 13, 23, 33 })
        {
            yield return new Sale(Business, 10, 2, DaysAgo(d), 80m);
        }

        // 3: one order 3 days and 5 hours ago: whole days = 3.
        yield return new Sale(Business, 10, 3, DaysAgo(3).AddHours(-5), 80m);

        // 4: 100 + 50; a voided sale that must not count.
        yield return new Sale(Business, 10, 4, DaysAgo(10), 100m);
        yield return new Sale(Business, 10, 4, DaysAgo(40), 50m);
        yield return new Sale(Business, 10, 4, DaysAgo(2), 999m, "voided");

        // 5 and 6: identical values, different storefronts.
        yield return new Sale(Business, 10, 5, DaysAgo(30), 40m);
        yield return new Sale(Business, 11, 6, DaysAgo(30), 40m);

        // 7: three orders (100 + 80 + 60) and a 30 refund more recent than the last order:
        // the refund lowers monetary to 210 but moves neither recency nor frequency.
        yield return new Sale(Business, 10, 7, DaysAgo(60), 100m);
        yield return new Sale(Business, 10, 7, DaysAgo(70), 80m);
        yield return new Sale(Business, 10, 7, DaysAgo(80), 60m);
        yield return new Sale(Business, 10, 7, DaysAgo(50), 30m, "refunded");

        // 8: one order of 30 with 5 refunded on the sale itself = 25.
        yield return new Sale(Business, 10, 8, DaysAgo(90), 30m, "completed", 5m);

        // 9: two orders of 45.
        yield return new Sale(Business, 10, 9, DaysAgo(120), 45m);
        yield return new Sale(Business, 10, 9, DaysAgo(130), 45m);

        // 10: one order of 15 in the window, a big one before it.
        yield return new Sale(Business, 10, 10, DaysAgo(200), 15m);
        yield return new Sale(Business, 10, 10, DaysAgo(400), 500m);

        // 11: only a refund in the window: not scored.
        yield return new Sale(Business, 10, 11, DaysAgo(5), 20m, "refunded");

        // 12: only an order before the window: not scored.
        yield return new Sale(Business, 10, 12, DaysAgo(366), 70m);

        // 13: only an order after asOf: not scored.
        yield return new Sale(Business, 10, 13, AsOf.AddDays(1), 70m);

        // 201: another business, most recent and biggest of all: never visible to business 1.
        yield return new Sale(OtherBusiness, 20, 201, DaysAgo(0.5), 9999m);
    }
}
