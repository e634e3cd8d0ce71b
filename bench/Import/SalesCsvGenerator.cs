using System.Globalization;
using System.Text;

namespace RfmGraph.Bench.Import;

/// <summary>Writes a deterministic sales CSV with every column filled, as a POS export would look.</summary>
internal static class SalesCsvGenerator
{
    public static void Write(string path, long rows, int seed = 7)
    {
        var random = new Random(seed);
        var customers = Math.Max(1, rows / 10);
        var start = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var span = TimeSpan.FromDays(3 * 365).Ticks;
        string[] storefronts = ["downtown", "airport", "mall-north", "online", "outlet"];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("sale_id,customer_id,ordered_at,amount,storefront,status,customer_name,customer_email,currency\n");
        for (var i = 0L; i < rows; i++)
        {
            var customer = (long)(customers * Math.Pow(random.NextDouble(), 2)) + 1;
            var orderedAt = start.AddTicks(span * i / rows + random.Next(0, 600) * TimeSpan.TicksPerSecond);
            var amount = Math.Round(Math.Exp(3.5 + (random.NextDouble() * 1.5)), 2);
            var roll = random.Next(100);
            var status = roll < 94 ? "completed" : roll < 98 ? "refunded" : "voided";
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"S{i:D10},C{customer:D8},{orderedAt:yyyy-MM-ddTHH:mm:ss}Z,{amount:0.00},{storefronts[customer % 5]},{status},Customer {customer},c{customer}@example.com,EUR\n"));
        }
    }
}
