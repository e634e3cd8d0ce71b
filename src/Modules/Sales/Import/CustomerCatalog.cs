using System.Text;
using Npgsql;

namespace RfmGraph.Sales.Import;

/// <summary>
/// The business's customers as the import sees them: the existing ones (loaded once) and the new ones
/// named by the file, which get ids reserved from the customers' sequence the moment they first appear.
/// Sale rows therefore carry final customer ids, and the per-customer aggregate of the file (greatest
/// name and e-mail in byte order, earliest order) is kept here instead of in a GROUP BY over every row.
/// </summary>
internal sealed class CustomerCatalog
{
    private readonly Dictionary<byte[], Customer> _customers = new(Utf8KeyComparer.Instance);
    private readonly Func<long> _nextId;
    private Dictionary<byte[], Customer>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    /// <summary>An empty catalog: every customer is new and takes its id from <paramref name="nextId"/>.</summary>
    public CustomerCatalog(Func<long> nextId)
    {
        _nextId = nextId;
        _lookup = _customers.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>Customers of the business that existed before the import.</summary>
    public long ExistingCount { get; private set; }

    /// <summary>Customers of the file that do not exist yet.</summary>
    public long NewCount { get; private set; }

    /// <summary>Customers of the file, new or existing.</summary>
    public long SeenCount { get; private set; }

    public static async Task<CustomerCatalog> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, Func<long> nextId, CancellationToken cancellationToken)
    {
        var catalog = new CustomerCatalog(nextId);
        await using var command = new NpgsqlCommand("SELECT external_id, id FROM sales.customers WHERE business_id = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = businessId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            catalog._customers.Add(Encoding.UTF8.GetBytes(reader.GetString(0)), new Customer(reader.GetInt64(1), isNew: false));
            catalog.ExistingCount++;
        }

        return catalog;
    }

    /// <summary>The customer id for a row, folding the row's name, e-mail and date into the customer's aggregate.</summary>
    public long Resolve(in SaleRecord row)
    {
        if (!_lookup.TryGetValue(row.CustomerId, out var customer))
        {
            customer = new Customer(_nextId(), isNew: true);
            _lookup[row.CustomerId] = customer;
            NewCount++;
        }

        if (!customer.Seen)
        {
            customer.Seen = true;
            SeenCount++;
        }

        if (row.OrderedAt < customer.FirstOrderedAt)
        {
            customer.FirstOrderedAt = row.OrderedAt;
        }

        if (!row.CustomerName.IsEmpty && (customer.Name is null || row.CustomerName.SequenceCompareTo(customer.Name) > 0))
        {
            customer.Name = row.CustomerName.ToArray();
        }

        if (!row.CustomerEmail.IsEmpty && (customer.Email is null || row.CustomerEmail.SequenceCompareTo(customer.Email) > 0))
        {
            customer.Email = row.CustomerEmail.ToArray();
        }

        return customer.Id;
    }

    /// <summary>Writes one row per customer of the file: id, external_id, name, email, first order, is new.</summary>
    public void WriteTo(PgBinaryCopyWriter writer)
    {
        foreach (var (externalId, customer) in _customers)
        {
            if (!customer.Seen)
            {
                continue;
            }

            writer.StartRow(6);
            writer.WriteInt64(customer.Id);
            writer.WriteText(externalId);
            WriteOptional(writer, customer.Name);
            WriteOptional(writer, customer.Email);
            writer.WriteTimestamp(customer.FirstOrderedAt);
            writer.WriteBoolean(customer.IsNew);
        }
    }

    /// <summary>
    /// Writes the new customers as rows of sales.customers (id, business_id, external_id, name, email,
    /// created_at), in id order: the order they first appeared in, so the primary key is built from sorted input.
    /// </summary>
    public void WriteNewTo(PgBinaryCopyWriter writer, long businessId)
    {
        var created = new List<KeyValuePair<byte[], Customer>>((int)NewCount);
        foreach (var entry in _customers)
        {
            if (entry.Value.IsNew)
            {
                created.Add(entry);
            }
        }

        created.Sort(static (a, b) => a.Value.Id.CompareTo(b.Value.Id));
        foreach (var (externalId, customer) in created)
        {
            writer.StartRow(6);
            writer.WriteInt64(customer.Id);
            writer.WriteInt64(businessId);
            writer.WriteText(externalId);
            WriteOptional(writer, customer.Name);
            WriteOptional(writer, customer.Email);
            writer.WriteTimestamp(customer.FirstOrderedAt);
        }
    }

    private static void WriteOptional(PgBinaryCopyWriter writer, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.WriteText(value);
        }
    }

    private sealed class Customer(long id, bool isNew)
    {
        public long Id { get; } = id;

        public bool IsNew { get; } = isNew;

        public bool Seen { get; set; }

        public long FirstOrderedAt { get; set; } = long.MaxValue;

        public byte[]? Name { get; set; }

        public byte[]? Email { get; set; }
    }
}
