namespace RfmGraph.Platform.Database;

/// <summary>
/// The folder that holds RfmGraph.sln, so the embedded database lives in one place
/// (<c>.rfmgraph/</c>) whether the Host runs from the repository root, src/Host or bin/.
/// </summary>
public static class RepositoryRoot
{
    private const string Marker = "RfmGraph.sln";

    /// <summary>The nearest ancestor of the working directory (then of the binaries) holding the solution; else the working directory.</summary>
    public static string Find()
    {
        return Search(Environment.CurrentDirectory) ?? Search(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;
    }

    private static string? Search(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
