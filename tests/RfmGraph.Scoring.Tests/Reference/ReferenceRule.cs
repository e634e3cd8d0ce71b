namespace RfmGraph.Scoring.Tests.Reference;

/// <summary>A rule written out in the tests, independent of the migration that stores the built-in schemes.</summary>
internal sealed record ReferenceRule(string Name, string Code, int RMin, int RMax, int FMin, int FMax, int MMin, int MMax)
{
    public bool Matches(int r, int f, int m) => r >= RMin && r <= RMax && f >= FMin && f <= FMax && m >= MMin && m <= MMax;
}

/// <summary>The three built-in schemes as the seeds state them, transcribed by hand.</summary>
internal static class ReferenceSchemes
{
    // Seed 000's table, in its order: "Champions R>=4 AND F>=4 AND M>=4", "Loyal R>=3 AND F>=3 AND M>=3 (not
    // Champions)", "Potential Loyalists R>=4 AND 2<=F<4 AND M>=2", "Promising 3<=R<4 AND 2<=F<3 AND 2<=M<4",
    // "At Risk R<=2 AND F>=2 AND M>=3", "Need Attention R<=2 AND F>=3 AND 2<=M<3", "New Customers R>=4 AND
    // F<=1", "Hibernating R<=2 AND F<=2 AND M<=2".
    public static readonly IReadOnlyList<ReferenceRule> Pos8 =
    [
        new("Champions", "R5F5M5", 4, 5, 4, 5, 4, 5),
        new("Loyal Customers", "R4F4M4", 3, 5, 3, 5, 3, 5),
        new("Potential Loyalists", "R4F2M3", 4, 5, 2, 3, 2, 5),
        new("Promising", "R3F2M2", 3, 3, 2, 2, 2, 3),
        new("At Risk", "R2F2M3", 1, 2, 2, 5, 3, 5),
        new("Need Attention", "R2F3M3", 1, 2, 3, 5, 2, 2),
        new("New Customers", "R5F1M1", 4, 5, 1, 1, 1, 5),
        new("Hibernating", "R1F1M2", 1, 2, 1, 2, 1, 2),
    ];

    // Seed 004's list, in its order.
    public static readonly IReadOnlyList<ReferenceRule> Classic11 =
    [
        new("Champions", "CHAMPIONS", 5, 5, 5, 5, 5, 5),
        new("Loyal Customers", "LOYAL_CUSTOMERS", 4, 5, 4, 5, 3, 5),
        new("Potential Loyalists", "POTENTIAL_LOYALISTS", 4, 5, 1, 3, 1, 3),
        new("New Customers", "NEW_CUSTOMERS", 4, 5, 1, 1, 1, 2),
        new("Promising", "PROMISING", 4, 5, 1, 1, 3, 5),
        new("Need Attention", "NEED_ATTENTION", 3, 3, 3, 3, 3, 3),
        new("About to Sleep", "ABOUT_TO_SLEEP", 3, 3, 1, 2, 1, 2),
        new("At Risk", "AT_RISK", 1, 2, 4, 5, 3, 5),
        new("Cannot Lose Them", "CANNOT_LOSE_THEM", 1, 2, 1, 2, 4, 5),
        new("Hibernating", "HIBERNATING", 1, 2, 1, 2, 1, 3),
        new("Lost", "LOST", 1, 1, 1, 1, 1, 1),
    ];

    // The R x F grid, cell by cell (key = R then F):
    // 11 12 21 22 Hibernating; 13 14 23 24 At Risk; 15 25 Can't Lose Them; 31 32 About to Sleep;
    // 33 Need Attention; 34 35 44 45 Loyal; 41 Promising; 51 New; 42 43 52 53 Potential Loyalists; 54 55 Champions.
    public static readonly IReadOnlyDictionary<(int R, int F), string> RfGrid10Cells = new Dictionary<(int, int), string>
    {
        [(1, 1)] = "HIBERNATING", [(1, 2)] = "HIBERNATING", [(2, 1)] = "HIBERNATING", [(2, 2)] = "HIBERNATING",
        [(1, 3)] = "AT_RISK", [(1, 4)] = "AT_RISK", [(2, 3)] = "AT_RISK", [(2, 4)] = "AT_RISK",
        [(1, 5)] = "CANT_LOSE_THEM", [(2, 5)] = "CANT_LOSE_THEM",
        [(3, 1)] = "ABOUT_TO_SLEEP", [(3, 2)] = "ABOUT_TO_SLEEP",
        [(3, 3)] = "NEED_ATTENTION",
        [(3, 4)] = "LOYAL_CUSTOMERS", [(3, 5)] = "LOYAL_CUSTOMERS", [(4, 4)] = "LOYAL_CUSTOMERS", [(4, 5)] = "LOYAL_CUSTOMERS",
        [(4, 1)] = "PROMISING",
        [(5, 1)] = "NEW_CUSTOMERS",
        [(4, 2)] = "POTENTIAL_LOYALISTS", [(4, 3)] = "POTENTIAL_LOYALISTS", [(5, 2)] = "POTENTIAL_LOYALISTS", [(5, 3)] = "POTENTIAL_LOYALISTS",
        [(5, 4)] = "CHAMPIONS", [(5, 5)] = "CHAMPIONS",
    };

    /// <summary>The segment code a built-in scheme gives a cell, computed from the transcriptions above.</summary>
    public static string Segment(string scheme, int r, int f, int m) => scheme switch
    {
        "pos8" => Pos8.FirstOrDefault(rule => rule.Matches(r, f, m))?.Code ?? "OTHERS",
        "classic11" => Classic11.FirstOrDefault(rule => rule.Matches(r, f, m))?.Code ?? "OTHERS",
        "rfgrid10" => RfGrid10Cells[(r, f)],
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null),
    };
}
