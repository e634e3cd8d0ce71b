using System.Globalization;

namespace RfmGraph.Sales.Demo;

/// <summary>One generated sale (amounts in cents).</summary>
internal readonly record struct DemoSale(string ExternalId, int Storefront, DateTime OrderedAt, string Status, long AmountCents, long RefundedCents);

/// <summary>One generated customer with its sales in time order.</summary>
internal sealed record DemoCustomer(string ExternalId, string Name, string Email, DateTime CreatedAt, int HomeStorefront, List<DemoSale> Sales);

/// <summary>
/// Generates customer <c>index</c> from (seed, index) alone, so any customer can be regenerated in
/// isolation and the data set does not depend on batch sizes or threads.
/// </summary>
internal sealed class DemoCustomerGenerator(int seed, DateTime asOf, int storefronts)
{
    private const double RefundRate = 0.025;
    private const double PartialRefundRate = 0.015;
    private const double VoidRate = 0.015;

    public DemoCustomer Generate(long index)
    {
        var random = DemoRandom.For(seed, index);
        var kind = DemoArchetype.Pick(ref random);
        var home = random.Between(0, storefronts - 1);
        var lastDaysAgo = random.Between(kind.LastDaysAgoMin, kind.LastDaysAgoMax);
        var firstDaysAgo = lastDaysAgo + random.Between(kind.HistoryDaysMin, kind.HistoryDaysMax);
        var orders = random.Between(kind.OrdersMin, kind.OrdersMax);
        if (firstDaysAgo == lastDaysAgo)
        {
            orders = 1;
        }

        // Log-normal basket size per customer (median about 37), varied per order: a long right tail of big spenders.
        var typicalOrder = Math.Exp(3.6 + (0.7 * random.NextGaussian())) * kind.SpendFactor;
        var first = asOf.AddDays(-firstDaysAgo).AddSeconds(-random.Between(0, 86_399));
        var last = asOf.AddDays(-lastDaysAgo).AddSeconds(-random.Between(0, 86_399));
        if (last < first)
        {
            last = first;
        }

        var id = "C" + (index + 1).ToString("D7", CultureInfo.InvariantCulture);
        var (firstName, lastName) = DemoNames.Pick(ref random);
        var customer = new DemoCustomer(
            id,
            firstName + " " + lastName,
            $"{firstName}.{lastName}.{index + 1}@example.com".ToLowerInvariant(),
            first.AddDays(-random.Between(0, 30)),
            home,
            new List<DemoSale>(orders + 2));

        var times = new DateTime[orders];
        times[0] = first;
        if (orders > 1)
        {
            times[^1] = last;
            var spanTicks = (last - first).Ticks;
            for (var i = 1; i < orders - 1; i++)
            {
                times[i] = first.AddTicks((long)(random.NextDouble() * spanTicks));
            }

            Array.Sort(times);
        }

        for (var i = 0; i < orders; i++)
        {
            var cents = Math.Max(100, (long)Math.Round(typicalOrder * Math.Exp(0.35 * random.NextGaussian()) * 100));
            var storefront = random.Chance(0.8) ? home : random.Between(0, storefronts - 1);
            var saleId = "S" + id[1..] + "-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture);
            if (random.Chance(VoidRate))
            {
                customer.Sales.Add(new DemoSale(saleId, storefront, times[i], "voided", cents, 0));
                continue;
            }

            var partial = random.Chance(PartialRefundRate) ? cents * random.Between(10, 50) / 100 : 0;
            customer.Sales.Add(new DemoSale(saleId, storefront, times[i], "completed", cents, partial));
            if (partial == 0 && random.Chance(RefundRate))
            {
                var refundAt = times[i].AddDays(random.Between(1, 14));
                if (refundAt <= asOf)
                {
                    var refunded = random.Chance(0.7) ? cents : cents * random.Between(30, 90) / 100;
                    customer.Sales.Add(new DemoSale("R" + saleId[1..], storefront, refundAt, "refunded", refunded, 0));
                }
            }
        }

        return customer;
    }
}
