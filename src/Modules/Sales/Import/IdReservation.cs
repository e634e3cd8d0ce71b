using System.Globalization;
using Npgsql;

namespace RfmGraph.Sales.Import;

/// <summary>
/// Hands out ids taken from a PostgreSQL sequence in blocks, so that rows can carry their final ids while
/// they are still being streamed (and the server evaluates no nextval default per row: a tenth of a
/// ten-million-row COPY). Uses its own connection: the import's connection is busy with the COPY. Sequence
/// values are not transactional, so a failed import only leaves a gap in the ids.
/// </summary>
internal sealed class IdReservation
{
    private const long MaxBlock = 1 << 20;
    private readonly NpgsqlConnection _connection;
    private readonly string _sequence;
    private long _next;
    private long _end;
    private long _blockSize = 64;

    /// <param name="connection">An open connection that is not in a transaction.</param>
    /// <param name="sequence">A schema-qualified sequence with increment 1 owned by this application's role.</param>
    public IdReservation(NpgsqlConnection connection, string sequence)
    {
        _connection = connection;
        _sequence = sequence;
    }

    public long Next()
    {
        if (_next == _end)
        {
            Reserve();
        }

        return _next++;
    }

    /// <summary>
    /// Takes the next <c>_blockSize</c> values with one nextval: while the increment is raised, ALTER
    /// SEQUENCE's lock makes every other session's nextval wait, so none of them can take a value inside the
    /// block, and the increment is back to 1 when they continue. (The first nextval leaves a sequence that
    /// was never used in the "called" state, so the second one adds the increment.)
    /// </summary>
    private void Reserve()
    {
        using var transaction = _connection.BeginTransaction();
        Execute($"SELECT nextval('{_sequence}')", transaction);
        Execute($"ALTER SEQUENCE {_sequence} INCREMENT BY {_blockSize.ToString(CultureInfo.InvariantCulture)}", transaction);
        var last = (long)Execute($"SELECT nextval('{_sequence}')", transaction)!;
        Execute($"ALTER SEQUENCE {_sequence} INCREMENT BY 1", transaction);
        transaction.Commit();
        _next = last - _blockSize + 1;
        _end = last + 1;
        // Blocks grow with use: a file with three new customers costs one small round trip, ten million sales
        // about a dozen.
        _blockSize = Math.Min(_blockSize * 4, MaxBlock);
    }

    private object? Execute(string sql, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand(sql, _connection, transaction);
        return command.ExecuteScalar();
    }
}
