using Npgsql;

namespace RfmGraph.Sales.Import;

/// <summary>
/// Hands out ids taken from a PostgreSQL sequence in blocks, so that rows can carry their final ids
/// while they are still being streamed. Uses its own connection: the import's connection is busy with
/// the COPY. Sequence values are not transactional, so a failed import only leaves a gap in the ids.
/// </summary>
internal sealed class IdReservation(NpgsqlConnection connection, string sequence)
{
    private const int MaxBlock = 1 << 16;
    private readonly List<long> _block = [];
    private int _next;
    private int _blockSize = 64;

    public long Next()
    {
        if (_next == _block.Count)
        {
            Fetch();
        }

        return _block[_next++];
    }

    private void Fetch()
    {
        // Blocks grow with use: a file with three new customers costs one small round trip, one with a
        // million sixteen of them.
        using var command = new NpgsqlCommand("SELECT nextval($1::regclass) FROM generate_series(1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = _blockSize });
        _block.Clear();
        _next = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _block.Add(reader.GetInt64(0));
        }

        _blockSize = Math.Min(_blockSize * 4, MaxBlock);
    }
}
