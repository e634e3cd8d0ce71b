using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Tests.Infrastructure;

namespace RfmGraph.Scoring.Tests.Reference;

/// <summary>
/// RFM in plain C# over in-memory lists, written from docs/scoring.md without looking at the SQL:
/// the oracle the set-based SQL is compared against on random data.
/// </summary>
internal static class ReferenceRfm
{
    internal sealed record Result(long CustomerId, int RecencyDays, int Frequency, decimal Monetary, int R, int F, int M, string Segment);

    internal sealed record Cuts(decimal[] Recency, decimal[] Frequency, decimal[] Monetary);

    public static (List<Result> Rows, Cuts? Cuts) Compute(
        IEnumerable<Sale> sales, long business, long? storefront, DateTimeOffset from, DateTimeOffset to, DateTimeOffset asOf,
        ScoringMethod method, int bins, RfmThresholds? thresholds, Func<int, int, int, string> segment)
    {
        var values = sales
            .Where(s => s.Visible && s.BusinessId == business && (storefront is null || s.StorefrontId == storefront)
                        && s.OrderedAt >= from && s.OrderedAt <= to)
            .GroupBy(s => s.CustomerId)
            .Where(g => g.Any(s => s.CountsAsOrder))
            .Select(g =>
            {
                var last = g.Where(s => s.CountsAsOrder).Max(s => s.OrderedAt);
                return (Customer: g.Key,
                        Days: (int)((asOf - last).Ticks / TimeSpan.TicksPerDay),
                        Frequency: g.Count(s => s.CountsAsOrder),
                        Monetary: g.Sum(s => s.NetAmount));
            })
            .ToList();

        int[] r, f, m;
        Cuts? cuts = null;
        switch (method)
        {
            case ScoringMethod.Ntile:
                // Best value last; among equal values the higher customer id counts as better.
                r = Ntile(values.Select((v, i) => (i, v.Customer)).OrderByDescending(x => values[x.i].Days).ThenBy(x => x.Customer).Select(x => x.i), values.Count, bins);
                f = Ntile(values.Select((v, i) => (i, v.Customer)).OrderBy(x => values[x.i].Frequency).ThenBy(x => x.Customer).Select(x => x.i), values.Count, bins);
                m = Ntile(values.Select((v, i) => (i, v.Customer)).OrderBy(x => values[x.i].Monetary).ThenBy(x => x.Customer).Select(x => x.i), values.Count, bins);
                break;
            case ScoringMethod.QuantileTies:
                cuts = values.Count == 0 ? new Cuts([], [], []) : new Cuts(
                    RecencyQuantiles(values.Select(v => (decimal)v.Days).ToList(), bins),
                    Quantiles(values.Select(v => (decimal)v.Frequency).ToList(), bins),
                    Quantiles(values.Select(v => v.Monetary).ToList(), bins));
                (r, f, m) = ScoreByCuts(values, cuts, bins);
                break;
            case ScoringMethod.FixedThresholds:
                cuts = new Cuts([.. thresholds!.Recency], [.. thresholds.Frequency], [.. thresholds.Monetary]);
                (r, f, m) = ScoreByCuts(values, cuts, bins);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method));
        }

        var rows = values.Select((v, i) => new Result(v.Customer, v.Days, v.Frequency, v.Monetary, r[i], f[i], m[i],
            segment(r[i], f[i], m[i]))).ToList();
        return (rows, cuts);
    }

    // PostgreSQL's ntile: n rows into N groups as equal as possible, the first n mod N groups one larger.
    private static int[] Ntile(IEnumerable<int> order, int n, int bins)
    {
        var result = new int[n];
        var size = n / bins;
        var larger = n % bins;
        var bucket = 1;
        var left = size + (larger > 0 ? 1 : 0);
        foreach (var index in order)
        {
            if (left == 0)
            {
                bucket++;
                left = size + (bucket <= larger ? 1 : 0);
            }

            result[index] = bucket;
            left--;
        }

        return result;
    }

    // k-th cut point: the value at 1-based position ceil(k*n/N) of the ascending values.
    private static decimal[] Quantiles(List<decimal> values, int bins)
    {
        var sorted = values.Order().ToList();
        var n = sorted.Count;
        return [.. Enumerable.Range(1, bins - 1).Select(k => sorted[CeilDiv(k * n, bins) - 1])];
    }

    // Recency's k-th cut point: the value at position ceil((N-k)*n/N) of the days sorted descending
    // (worst first), listed so that the cut points ascend.
    private static decimal[] RecencyQuantiles(List<decimal> days, int bins)
    {
        var worstFirst = days.OrderDescending().ToList();
        var n = worstFirst.Count;
        return [.. Enumerable.Range(1, bins - 1).Select(k => worstFirst[CeilDiv((bins - k) * n, bins) - 1])];
    }

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;

    private static (int[] R, int[] F, int[] M) ScoreByCuts(List<(long Customer, int Days, int Frequency, decimal Monetary)> values, Cuts cuts, int bins) =>
    (
        [.. values.Select(v => bins - cuts.Recency.Count(c => c <= v.Days))],
        [.. values.Select(v => 1 + cuts.Frequency.Count(c => c < v.Frequency))],
        [.. values.Select(v => 1 + cuts.Monetary.Count(c => c < v.Monetary))]
    );
}
