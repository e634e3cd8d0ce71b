using System.Text;
using System.Text.Unicode;

namespace RfmGraph.Sales.Import;

/// <summary>
/// Turns a sales CSV stream into validated <see cref="SaleRecord"/>s. Invalid rows are reported to
/// <see cref="ImportErrors"/> and skipped, so one pass finds every bad row of the file.
/// </summary>
internal sealed class SalesCsvReader
{
    /// <summary>Storefront code used when the file has no storefront column or leaves it empty.</summary>
    public const string DefaultStorefront = "main";

    private const int MaxIdBytes = 200;
    private const int MaxNameBytes = 200;
    private const int MaxEmailBytes = 320;

    private readonly CsvRecordReader _reader;
    private readonly ImportErrors _errors;
    private readonly Dictionary<byte[], string> _storefronts = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _storefrontLookup;
    private SalesCsvColumns? _columns;
    private int _saleId, _customerId, _orderedAt, _amount, _storefront, _status, _name, _email, _currency;

    public SalesCsvReader(Stream stream, ImportErrors errors, string? expectedCurrency)
    {
        _reader = new CsvRecordReader(stream);
        _storefrontLookup = _storefronts.GetAlternateLookup<ReadOnlySpan<byte>>();
        _errors = errors;
        Currency = expectedCurrency;
    }

    /// <summary>The business currency every row must match; fixed by the first row that names one when the business is new.</summary>
    public string? Currency { get; private set; }

    /// <summary>Data rows read so far (valid or not).</summary>
    public long RowsRead { get; private set; }

    public long BytesRead => _reader.BytesRead;

    /// <summary>Distinct storefront codes of the valid rows.</summary>
    public IReadOnlyCollection<string> Storefronts => _storefronts.Values;

    /// <summary>Reads the header. False when the file is empty or the header is unusable (errors reported).</summary>
    public bool ReadHeader()
    {
        if (!_reader.Read())
        {
            _errors.Add(1, string.Empty, "the file is empty; expected a header row: " + string.Join(",", SalesCsvColumns.Required));
            return false;
        }

        _columns = SalesCsvColumns.FromHeader(_reader, _reader.Line, _errors);
        if (_columns is null)
        {
            return false;
        }

        _saleId = _columns[SalesCsvColumns.SaleId];
        _customerId = _columns[SalesCsvColumns.CustomerId];
        _orderedAt = _columns[SalesCsvColumns.OrderedAt];
        _amount = _columns[SalesCsvColumns.Amount];
        _storefront = _columns[SalesCsvColumns.Storefront];
        _status = _columns[SalesCsvColumns.Status];
        _name = _columns[SalesCsvColumns.CustomerName];
        _email = _columns[SalesCsvColumns.CustomerEmail];
        _currency = _columns[SalesCsvColumns.Currency];
        return true;
    }

    /// <summary>Next valid row; invalid rows are reported and skipped. False at the end of the file.</summary>
    public bool TryRead(out SaleRecord row)
    {
        var columns = _columns ?? throw new InvalidOperationException("Read the header first.");
        while (_reader.Read())
        {
            RowsRead++;
            var line = _reader.Line;
            if (_reader.FieldCount != columns.Count)
            {
                ReportFieldCount(line, columns);
                continue;
            }

            var before = _errors.Count;
            var saleId = Identifier(line, _saleId, SalesCsvColumns.SaleId);
            var customerId = Identifier(line, _customerId, SalesCsvColumns.CustomerId);
            var orderedAtReason = FieldParsers.TryParseTimestamp(FieldParsers.Trim(_reader.Field(_orderedAt)), out var orderedAt);
            if (orderedAtReason is not null)
            {
                _errors.Add(line, SalesCsvColumns.OrderedAt, orderedAtReason);
            }

            var amountReason = FieldParsers.TryParseAmount(FieldParsers.Trim(_reader.Field(_amount)), out var cents);
            if (amountReason is not null)
            {
                _errors.Add(line, SalesCsvColumns.Amount, amountReason);
            }

            var status = SaleStatus.Completed;
            if (_status >= 0)
            {
                var raw = FieldParsers.Trim(_reader.Field(_status));
                status = SaleStatus.Parse(raw) ?? string.Empty;
                if (status.Length == 0)
                {
                    _errors.Add(line, SalesCsvColumns.Status, $"unknown status '{Shorten(raw)}'; expected completed, refunded or voided");
                }
            }

            var storefront = Storefront(line);
            var name = OptionalText(line, _name, SalesCsvColumns.CustomerName, MaxNameBytes);
            var email = OptionalText(line, _email, SalesCsvColumns.CustomerEmail, MaxEmailBytes);
            if (!email.IsEmpty && !LooksLikeEmail(email))
            {
                _errors.Add(line, SalesCsvColumns.CustomerEmail, "not an e-mail address");
            }

            if (_currency >= 0)
            {
                CheckCurrency(line, FieldParsers.Trim(_reader.Field(_currency)));
            }

            if (_errors.Count != before)
            {
                continue;
            }

            row = new SaleRecord(line, saleId, customerId, PgBinaryCopyWriter.ToPostgresTimestamp(orderedAt), cents, storefront!, status, name, email);
            return true;
        }

        if (_reader.UnterminatedQuote)
        {
            _errors.Add(_reader.Line, string.Empty, "a quoted field is not closed before the end of the file");
        }

        row = default;
        return false;
    }

    /// <summary>
    /// The first valid currency code of the file (upper case), read ahead of the import so that a new
    /// business knows its currency before the first row is written. Null when no row names one.
    /// </summary>
    public static string? FirstCurrency(Stream stream)
    {
        var reader = new CsvRecordReader(stream);
        var errors = new ImportErrors();
        if (!reader.Read() || SalesCsvColumns.FromHeader(reader, reader.Line, errors) is not { } columns)
        {
            return null;
        }

        var index = columns[SalesCsvColumns.Currency];
        Span<char> code = stackalloc char[3];
        while (index >= 0 && reader.Read())
        {
            if (reader.FieldCount == columns.Count && TryCurrencyCode(FieldParsers.Trim(reader.Field(index)), code))
            {
                return new string(code);
            }
        }

        return null;
    }

    private void ReportFieldCount(long line, SalesCsvColumns columns)
    {
        if (_reader.FieldCount < columns.Count)
        {
            _errors.Add(line, columns.Names[_reader.FieldCount], $"missing column: the row has {_reader.FieldCount} fields, the header {columns.Count}");
        }
        else
        {
            _errors.Add(line, string.Empty, $"too many fields: the row has {_reader.FieldCount}, the header {columns.Count}");
        }
    }

    private ReadOnlySpan<byte> Identifier(long line, int index, string column)
    {
        var value = FieldParsers.Trim(_reader.Field(index));
        if (value.IsEmpty)
        {
            _errors.Add(line, column, "empty; a value is required");
            return default;
        }

        if (value.Length > MaxIdBytes)
        {
            _errors.Add(line, column, $"longer than {MaxIdBytes} bytes");
            return default;
        }

        return ValidText(line, column, value) ? value : default;
    }

    /// <summary>
    /// The bytes go to PostgreSQL as they are, so they must be text it accepts: UTF-8 without NUL.
    /// (The server would otherwise reject the whole COPY without saying which row.)
    /// </summary>
    private bool ValidText(long line, string column, ReadOnlySpan<byte> value)
    {
        // Printable ASCII and the like (no NUL, no byte >= 0x80) is valid: one vectorised pass for most values.
        if (!value.ContainsAnyExceptInRange((byte)1, (byte)0x7F))
        {
            return true;
        }

        if (value.Contains((byte)0))
        {
            _errors.Add(line, column, "contains a NUL character");
            return false;
        }

        if (!Utf8.IsValid(value))
        {
            _errors.Add(line, column, "not valid UTF-8 text");
            return false;
        }

        return true;
    }

    private ReadOnlySpan<byte> OptionalText(long line, int index, string column, int maxBytes)
    {
        if (index < 0)
        {
            return default;
        }

        var value = FieldParsers.Trim(_reader.Field(index));
        if (value.IsEmpty)
        {
            return default;
        }

        if (value.Length > maxBytes)
        {
            _errors.Add(line, column, $"longer than {maxBytes} bytes");
            return default;
        }

        return ValidText(line, column, value) ? value : default;
    }

    /// <summary>
    /// Storefront codes repeat on almost every row: one string per code, found by the row's bytes without
    /// decoding or copying them (a new code is validated and decoded once).
    /// </summary>
    private string? Storefront(long line)
    {
        var value = _storefront >= 0 ? FieldParsers.Trim(_reader.Field(_storefront)) : default;
        if (value.IsEmpty)
        {
            value = "main"u8;
        }

        if (_storefrontLookup.TryGetValue(value, out var known))
        {
            return known;
        }

        if (value.Length > MaxIdBytes)
        {
            _errors.Add(line, SalesCsvColumns.Storefront, $"longer than {MaxIdBytes} bytes");
            return null;
        }

        if (!ValidText(line, SalesCsvColumns.Storefront, value))
        {
            return null;
        }

        known = Encoding.UTF8.GetString(value);
        _storefrontLookup[value] = known;
        return known;
    }

    private void CheckCurrency(long line, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        Span<char> code = stackalloc char[3];
        if (!TryCurrencyCode(value, code))
        {
            _errors.Add(line, SalesCsvColumns.Currency, $"'{Shorten(value)}' is not a three-letter currency code");
        }
        else if (Currency is null)
        {
            Currency = new string(code);
        }
        else if (!code.SequenceEqual(Currency))
        {
            _errors.Add(line, SalesCsvColumns.Currency, $"currency {new string(code)} does not match the business currency {Currency}");
        }
    }

    /// <summary>Upper-cases a three-letter value into <paramref name="code"/>; false for anything else.</summary>
    private static bool TryCurrencyCode(ReadOnlySpan<byte> value, Span<char> code)
    {
        if (value.Length != 3 || !char.IsAsciiLetter((char)value[0]) || !char.IsAsciiLetter((char)value[1]) || !char.IsAsciiLetter((char)value[2]))
        {
            return false;
        }

        for (var i = 0; i < 3; i++)
        {
            code[i] = char.ToUpperInvariant((char)value[i]);
        }

        return true;
    }

    /// <summary>One '@' with text on both sides and no white space (Unicode white space included).</summary>
    private static bool LooksLikeEmail(ReadOnlySpan<byte> value)
    {
        var at = value.IndexOf((byte)'@');
        if (at <= 0 || at != value.LastIndexOf((byte)'@') || at == value.Length - 1)
        {
            return false;
        }

        if (Ascii.IsValid(value))
        {
            return value.IndexOfAny(" \t\n\r\v\f"u8) < 0;
        }

        return !Encoding.UTF8.GetString(value).Any(char.IsWhiteSpace);
    }

    private static string Shorten(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value.Length > 40 ? value[..40] : value);
        return value.Length > 40 ? text + "…" : text;
    }
}
