namespace RfmGraph.Sales.Demo;

/// <summary>
/// Kinds of customers the demo data mixes, chosen so every segment of pos8, classic11 and rfgrid10
/// gets members: recency and frequency are drawn per kind, spend is skewed (log-normal) on top.
/// </summary>
internal sealed record DemoArchetype(
    string Name,
    double Share,
    int LastDaysAgoMin,
    int LastDaysAgoMax,
    int HistoryDaysMin,
    int HistoryDaysMax,
    int OrdersMin,
    int OrdersMax,
    double SpendFactor)
{
    /// <summary>Shares sum to 1; about 10 sales per customer on average.</summary>
    public static readonly DemoArchetype[] All =
    [
        new("champion", 0.07, 0, 20, 400, 1000, 28, 70, 1.6),
        new("loyal", 0.16, 0, 45, 300, 1000, 10, 24, 1.1),
        new("potential", 0.10, 5, 75, 60, 400, 3, 6, 0.9),
        new("newcomer", 0.09, 0, 25, 0, 20, 1, 2, 1.0),
        new("promising", 0.05, 0, 30, 20, 90, 1, 3, 1.4),
        new("one-time", 0.20, 30, 700, 0, 0, 1, 1, 0.8),
        new("needs-attention", 0.08, 45, 110, 200, 800, 4, 9, 1.0),
        new("at-risk", 0.09, 100, 220, 400, 1000, 8, 25, 1.2),
        new("cannot-lose", 0.03, 150, 330, 500, 1000, 18, 45, 2.6),
        new("hibernating", 0.08, 220, 600, 100, 500, 2, 5, 0.9),
        new("lost", 0.05, 370, 950, 60, 700, 1, 14, 0.7),
    ];

    public static DemoArchetype Pick(ref DemoRandom random)
    {
        var roll = random.NextDouble();
        foreach (var archetype in All)
        {
            roll -= archetype.Share;
            if (roll < 0)
            {
                return archetype;
            }
        }

        return All[^1];
    }
}
