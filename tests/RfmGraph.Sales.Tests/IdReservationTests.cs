using Npgsql;
using RfmGraph.Sales.Import;
using RfmGraph.Testing;

namespace RfmGraph.Sales.Tests;

/// <summary>
/// The import reserves blocks of sequence values while other sessions keep calling nextval (mutations
/// inserting sales and customers): no value may ever be handed out twice.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class IdReservationTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Blocks_follow_the_values_already_taken_and_leave_the_increment_at_one()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        await db.ExecuteAsync("CREATE SEQUENCE sales.test_ids");
        await using var reserving = await db.DataSource.OpenConnectionAsync();
        var reservation = new IdReservation(reserving, "sales.test_ids");

        var first = Enumerable.Range(0, 64).Select(_ => reservation.Next()).ToArray();

        // The first nextval of a fresh sequence returns its start value (1) without adding the increment; the
        // reservation spends it so that its block is the 64 values after it.
        Assert.Equal(Enumerable.Range(2, 64).Select(i => (long)i), first);
        Assert.Equal(66L, await db.ScalarAsync<long>("SELECT nextval('sales.test_ids')"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT increment_by FROM pg_sequences WHERE schemaname = 'sales' AND sequencename = 'test_ids'"));
        // The next block (256 values) starts after the value the other session took.
        Assert.Equal(68L, reservation.Next());
    }

    [Fact]
    public async Task Values_taken_by_concurrent_sessions_never_fall_inside_a_reserved_block()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        await db.ExecuteAsync("CREATE SEQUENCE sales.test_ids");
        await using var reserving = await db.DataSource.OpenConnectionAsync();
        var reservation = new IdReservation(reserving, "sales.test_ids");
        using var stop = new CancellationTokenSource();
        var running = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var others = running.Select(started => Task.Run(() => TakeUntilStoppedAsync(db.DataSource, started, stop.Token))).ToArray();
        await Task.WhenAll(running.Select(started => started.Task));

        // Besides the three racing sessions, one more takes a value every 10,000 ids, so that values are certainly
        // taken between reservations (the racers may all be waiting on the lock when the few reservations happen).
        await using var between = await db.DataSource.OpenConnectionAsync();
        await using var takeBetween = new NpgsqlCommand("SELECT nextval('sales.test_ids')", between);
        var interleaved = new List<long>();
        var reserved = new List<long>();
        for (var i = 0; i < 400_000; i++)
        {
            if (i % 10_000 == 0)
            {
                interleaved.Add((long)(await takeBetween.ExecuteScalarAsync())!);
            }

            reserved.Add(reservation.Next());
        }

        await stop.CancelAsync();
        var taken = (await Task.WhenAll(others)).SelectMany(values => values).Concat(interleaved).ToList();

        // Blocks (64, 256, … 262,144 ids) were reserved after values other sessions took.
        Assert.Contains(interleaved, value => value > reserved.Min() && value < reserved.Max());
        Assert.Equal(reserved.Count, reserved.Distinct().Count());
        Assert.Equal(taken.Count, taken.Distinct().Count());
        Assert.Empty(reserved.Intersect(taken));
    }

    private static async Task<List<long>> TakeUntilStoppedAsync(NpgsqlDataSource dataSource, TaskCompletionSource started, CancellationToken stop)
    {
        var values = new List<long>();
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT nextval('sales.test_ids')", connection);
        while (!stop.IsCancellationRequested)
        {
            values.Add((long)(await command.ExecuteScalarAsync(CancellationToken.None))!);
            started.TrySetResult();
        }

        return values;
    }
}
