using RfmGraph.Sales.Contracts;

namespace RfmGraph.Sales.Import;

/// <summary>Collects row errors: keeps the first <see cref="Limit"/> for the report, counts them all.</summary>
internal sealed class ImportErrors
{
    public const int Limit = 100;
    private readonly List<SalesImportError> _kept = [];

    public long Count { get; private set; }

    public bool Any => Count > 0;

    public IReadOnlyList<SalesImportError> Kept => _kept;

    public void Add(long line, string column, string reason)
    {
        Count++;
        if (_kept.Count < Limit)
        {
            _kept.Add(new SalesImportError(line, column, reason));
        }
    }
}
