namespace RfmGraph.Sales.Import;

/// <summary>The columns of a sales CSV file (docs/import-format.md) and where the header put them.</summary>
internal sealed class SalesCsvColumns
{
    public const string SaleId = "sale_id";
    public const string CustomerId = "customer_id";
    public const string OrderedAt = "ordered_at";
    public const string Amount = "amount";
    public const string Storefront = "storefront";
    public const string Status = "status";
    public const string CustomerName = "customer_name";
    public const string CustomerEmail = "customer_email";
    public const string Currency = "currency";

    public static readonly string[] Required = [SaleId, CustomerId, OrderedAt, Amount];
    public static readonly string[] Optional = [Storefront, Status, CustomerName, CustomerEmail, Currency];

    private readonly Dictionary<string, int> _index;

    private SalesCsvColumns(Dictionary<string, int> index, string[] names)
    {
        _index = index;
        Names = names;
    }

    /// <summary>Header names in file order.</summary>
    public string[] Names { get; }

    public int Count => Names.Length;

    /// <summary>Position of a column in the file, or -1 when the optional column is absent.</summary>
    public int this[string column] => _index.TryGetValue(column, out var i) ? i : -1;

    /// <summary>Reads the header; reports missing required, unknown and repeated columns on line <paramref name="line"/>.</summary>
    public static SalesCsvColumns? FromHeader(CsvRecordReader reader, long line, ImportErrors errors)
    {
        var names = new string[reader.FieldCount];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < names.Length; i++)
        {
            var name = System.Text.Encoding.UTF8.GetString(FieldParsers.Trim(reader.Field(i))).ToLowerInvariant();
            names[i] = name;
            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                errors.Add(line, name, $"unknown column; expected {string.Join(", ", Required)} and optionally {string.Join(", ", Optional)}");
                ok = false;
            }
            else if (!index.TryAdd(name, i))
            {
                errors.Add(line, name, "column appears more than once in the header");
                ok = false;
            }
        }

        foreach (var required in Required.Where(r => !index.ContainsKey(r)))
        {
            errors.Add(line, required, "required column is missing from the header");
            ok = false;
        }

        return ok ? new SalesCsvColumns(index, names) : null;
    }
}
