using Npgsql;

namespace RfmGraph.Sales.Import;

/// <summary>
/// Storefront codes to ids for the import: existing storefronts are loaded once, new codes get ids
/// reserved from the storefronts' sequence and are inserted after the rows are streamed.
/// </summary>
internal sealed class StorefrontCatalog
{
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _new = new(StringComparer.Ordinal);
    private readonly IdReservation _reservation;
    private string? _lastCode;
    private long _lastId;

    private StorefrontCatalog(IdReservation reservation) => _reservation = reservation;

    /// <summary>Codes named by the file that did not exist, with their reserved ids.</summary>
    public IReadOnlyDictionary<string, long> New => _new;

    public static async Task<StorefrontCatalog> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, IdReservation reservation, CancellationToken cancellationToken)
    {
        var catalog = new StorefrontCatalog(reservation);
        await using var command = new NpgsqlCommand("SELECT code, id FROM sales.storefronts WHERE business_id = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = businessId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            catalog._ids.Add(reader.GetString(0), reader.GetInt64(1));
        }

        return catalog;
    }

    /// <summary>The id of a storefront code (the reader hands out one string instance per code, so a reference check usually answers).</summary>
    public long Resolve(string code)
    {
        if (ReferenceEquals(code, _lastCode))
        {
            return _lastId;
        }

        if (!_ids.TryGetValue(code, out var id))
        {
            id = _reservation.Next();
            _ids.Add(code, id);
            _new.Add(code, id);
        }

        _lastCode = code;
        _lastId = id;
        return id;
    }
}
