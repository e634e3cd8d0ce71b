using System.Globalization;

namespace RfmGraph.Bench.Data;

/// <summary>Command-line settings of the API benchmark.</summary>
internal sealed record BenchOptions(int Customers, string Directory, string Business, int Seconds, int Clients, string HostDll)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var root = RepositoryRoot();
        return new BenchOptions(
            Int("--customers", 20_000),
            values.GetValueOrDefault("--dir") ?? Path.Combine(Path.GetTempPath(), "rfmgraph-bench-data"),
            values.GetValueOrDefault("--business") ?? "bench",
            Int("--seconds", 20),
            Int("--clients", 16),
            values.GetValueOrDefault("--host-dll") ?? Path.Combine(root, "src", "Host", "bin", "Release", "net10.0", "RfmGraph.Host.dll"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RfmGraph.sln")))
            {
                return directory.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
