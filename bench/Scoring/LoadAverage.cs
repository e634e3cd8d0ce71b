using System.Globalization;

namespace RfmGraph.Bench.Scoring;

/// <summary>The 1/5/15-minute load averages, as uptime shows them: on a shared machine they say how far to trust the times.</summary>
internal static class LoadAverage
{
    public static string Read()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
        {
            return "n/a";
        }

        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(", ", parts.Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture).ToString("F2", CultureInfo.InvariantCulture)));
    }
}
