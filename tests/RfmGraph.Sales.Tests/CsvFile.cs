namespace RfmGraph.Sales.Tests;

/// <summary>A temporary CSV file written from lines (joined with \n), deleted on dispose.</summary>
internal sealed class CsvFile : IDisposable
{
    public CsvFile(params string[] lines)
        : this(string.Join('\n', lines) + "\n")
    {
    }

    private CsvFile(string content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rfmgraph-sales-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public static CsvFile Raw(string content) => new(content);

    /// <summary>A file of exactly these bytes (for encodings a string cannot hold).</summary>
    public static CsvFile Bytes(byte[] content)
    {
        var file = new CsvFile(string.Empty);
        File.WriteAllBytes(file.Path, content);
        return file;
    }

    public void Dispose() => File.Delete(Path);
}
