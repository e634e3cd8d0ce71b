namespace RfmGraph.GraphQL.Utilities;

/// <summary>
/// "Did you mean ...?" helpers with graphql-js's algorithm: options within a lexical distance of
/// <c>floor(0.4 × length) + 1</c> (case changes count as one edit, transpositions as one), sorted by
/// distance and then by natural order; at most five are shown.
/// </summary>
public static class SuggestionList
{
    /// <summary>The options close enough to <paramref name="input"/>, best first.</summary>
    public static IReadOnlyList<string> For(string input, IEnumerable<string> options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var inputLower = input.ToLowerInvariant();
        var found = new List<(string Option, int Distance)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            if (!seen.Add(option))
            {
                continue;
            }
            var distance = Measure(input, inputLower, option, threshold);
            if (distance >= 0)
            {
                found.Add((option, distance));
            }
        }
        // List.Sort is not stable; ties are broken by natural order, which is total except for equal strings.
        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance - b.Distance : NaturalCompare(a.Option, b.Option));
        return found.ConvertAll(f => f.Option);
    }

    /// <summary>graphql-js's didYouMean: "" when empty, else " Did you mean "a", "b", or "c"?".</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var message = " Did you mean " + (subMessage is null ? string.Empty : subMessage + " ");
        switch (suggestions.Count)
        {
            case 0:
                return string.Empty;
            case 1:
                return message + Quote(suggestions[0]) + "?";
            case 2:
                return message + Quote(suggestions[0]) + " or " + Quote(suggestions[1]) + "?";
        }
        var count = Math.Min(5, suggestions.Count);
        var selected = new List<string>(count);
        for (var i = 0; i < count - 1; i++)
        {
            selected.Add(Quote(suggestions[i]));
        }
        return message + string.Join(", ", selected) + ", or " + Quote(suggestions[count - 1]) + "?";
    }

    /// <summary>Compares strings treating runs of digits as numbers (graphql-js naturalCompare).</summary>
    public static int NaturalCompare(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int ai = 0, bi = 0;
        while (ai < a.Length && bi < b.Length)
        {
            int ac = a[ai], bc = b[bi];
            if (char.IsAsciiDigit((char)ac) && char.IsAsciiDigit((char)bc))
            {
                long an = 0;
                do
                {
                    ++ai;
                    an = (an * 10) + ac - '0';
                    ac = ai < a.Length ? a[ai] : -1;
                }
                while (ac >= 0 && char.IsAsciiDigit((char)ac) && an > 0);
                long bn = 0;
                do
                {
                    ++bi;
                    bn = (bn * 10) + bc - '0';
                    bc = bi < b.Length ? b[bi] : -1;
                }
                while (bc >= 0 && char.IsAsciiDigit((char)bc) && bn > 0);
                if (an != bn)
                {
                    return an < bn ? -1 : 1;
                }
            }
            else
            {
                if (ac != bc)
                {
                    return ac < bc ? -1 : 1;
                }
                ++ai;
                ++bi;
            }
        }
        return a.Length - b.Length;
    }

    private static string Quote(string value) => "\"" + value + "\"";

    private static int Measure(string input, string inputLower, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }
        var optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower)
        {
            return 1;
        }
        var a = optionLower;
        var b = inputLower;
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }
        if (a.Length - b.Length > threshold)
        {
            return -1;
        }
        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }
        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            var up = rows[(i - 1) % 3];
            var current = rows[i % 3];
            var smallest = current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(up[j] + 1, current[j - 1] + 1), up[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    cell = Math.Min(cell, rows[(i - 2) % 3][j - 2] + 1);
                }
                if (cell < smallest)
                {
                    smallest = cell;
                }
                current[j] = cell;
            }
            if (smallest > threshold)
            {
                return -1;
            }
        }
        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : -1;
    }
}
