using System.Runtime.CompilerServices;
using Xunit;

namespace RfmGraph.Testing;

/// <summary>
/// Snapshot assertions: compares text with <c>__snapshots__/&lt;name&gt;</c> next to the calling test's source file.
/// Run with <c>UPDATE_SNAPSHOTS=1</c> to write the current text instead (then review the diff and commit it).
/// </summary>
public static class Snapshot
{
    public const string UpdateVariable = "UPDATE_SNAPSHOTS";

    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var path = PathFor(name, callerFile);
        var normalized = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) is "1" or "true")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            return;
        }
        Assert.True(File.Exists(path), $"No snapshot at {path}. Run the test with {UpdateVariable}=1 to create it, then commit it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != normalized)
        {
            Assert.Fail($"The text differs from the snapshot {path} ({FirstDifference(expected, normalized)}). " +
                $"If the change is intended, run the test with {UpdateVariable}=1 and commit the updated snapshot.");
        }
    }

    public static string PathFor(string name, [CallerFilePath] string callerFile = "") =>
        Path.Combine(Path.GetDirectoryName(callerFile)!, "__snapshots__", name);

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }
        var left = line < a.Length ? a[line] : "<end>";
        var right = line < b.Length ? b[line] : "<end>";
        return $"line {line + 1}: snapshot \"{left}\", actual \"{right}\"";
    }
}
