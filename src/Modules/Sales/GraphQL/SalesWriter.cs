using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Sales.Partitions;

namespace RfmGraph.Sales.GraphQL;

/// <summary>
/// The writes behind the ingest mutations. Every input is validated first (all problems reported at once);
/// the remaining checks that need the database (unknown ids, duplicates) run inside the writing transaction,
/// which is rolled back on any of them, so a rejected mutation leaves nothing behind.
/// </summary>
internal static partial class SalesWriter
{
    public static async Task<StorefrontPayload> CreateStorefrontAsync(IResolverContext ctx, IReadOnlyDictionary<string, object?> input)
    {
        var businessId = SalesIds.BusinessId(ctx);
        var code = Text(input, "code")?.Trim() ?? string.Empty;
        var name = Text(input, "name")?.Trim() ?? string.Empty;
        var errors = new List<UserError>();
        Length(errors, "code", code, 1, 200);
        Length(errors, "name", name, 1, 200);
        if (errors.Count > 0)
        {
            return new StorefrontPayload(null, errors);
        }

        await using var command = ctx.Service<NpgsqlDataSource>().CreateCommand("""
            INSERT INTO sales.storefronts AS s (business_id, code, name) VALUES (@business, @code, @name)
            ON CONFLICT (business_id, code) DO NOTHING
            RETURNING s.id, s.code, s.name, s.created_at
            """);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("code", code);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(ctx.CancellationToken);
        return await reader.ReadAsync(ctx.CancellationToken)
            ? new StorefrontPayload(SalesRows.Storefront(reader, businessId), [])
            : new StorefrontPayload(null, [new(["code"], $"A storefront with code '{code}' already exists.", "DUPLICATE_STOREFRONT_CODE")]);
    }

    public static async Task<CustomerPayload> UpsertCustomerAsync(IResolverContext ctx, IReadOnlyDictionary<string, object?> input)
    {
        var businessId = SalesIds.BusinessId(ctx);
        var externalId = Text(input, "externalId") ?? string.Empty;
        var errors = new List<UserError>();
        Length(errors, "externalId", externalId, 1, 200);
        var hasName = input.TryGetValue("name", out var nameValue);
        var hasEmail = input.TryGetValue("email", out var emailValue);
        var name = (nameValue as string)?.Trim();
        var email = (emailValue as string)?.Trim();
        if (name is { Length: > 200 })
        {
            errors.Add(new(["name"], "The name must be at most 200 characters.", "TOO_LONG"));
        }

        if (!string.IsNullOrEmpty(email) && !EmailPattern().IsMatch(email))
        {
            errors.Add(new(["email"], $"'{email}' is not an email address.", "INVALID_EMAIL"));
        }

        if (errors.Count > 0)
        {
            return new CustomerPayload(null, false, errors);
        }

        // xmax = 0 only for a row this statement inserted (an update leaves the old version's xid in xmax); it is
        // read through the business's partition, as the partitioned parent does not return system columns.
        await using var command = ctx.Service<NpgsqlDataSource>().CreateCommand($"""
            INSERT INTO {PartitionedTable.Customers.PartitionOf(businessId)} AS c (business_id, external_id, name, email) VALUES (@business, @external_id, @name, @email)
            ON CONFLICT (business_id, external_id) DO UPDATE
                SET name = CASE WHEN @has_name THEN EXCLUDED.name ELSE c.name END,
                    email = CASE WHEN @has_email THEN EXCLUDED.email ELSE c.email END
            RETURNING c.id, c.external_id, c.name, c.email, c.created_at, (c.xmax = 0)
            """);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("external_id", externalId);
        command.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = string.IsNullOrEmpty(name) ? DBNull.Value : name });
        command.Parameters.Add(new NpgsqlParameter("email", NpgsqlDbType.Text) { Value = string.IsNullOrEmpty(email) ? DBNull.Value : email });
        command.Parameters.AddWithValue("has_name", hasName);
        command.Parameters.AddWithValue("has_email", hasEmail);
        await using var reader = await command.ExecuteReaderAsync(ctx.CancellationToken);
        await reader.ReadAsync(ctx.CancellationToken);
        return new CustomerPayload(SalesRows.Customer(reader, businessId), reader.GetBoolean(5), []);
    }

    public static async Task<SalePayload> RecordSaleAsync(IResolverContext ctx, IReadOnlyDictionary<string, object?> input)
    {
        var businessId = SalesIds.BusinessId(ctx);
        var dataSource = ctx.Service<NpgsqlDataSource>();
        var errors = new List<UserError>();
        var externalId = Text(input, "externalId") ?? string.Empty;
        Length(errors, "externalId", externalId, 1, 200);
        var status = (Text(input, "status") ?? "COMPLETED").ToLowerInvariant();
        var amount = Decimal(input, "amount") ?? 0m;
        var refunded = Decimal(input, "refundedAmount") ?? 0m;
        Money(errors, ["amount"], amount);
        Money(errors, ["refundedAmount"], refunded);
        if (amount >= 0 && refunded > amount)
        {
            errors.Add(new(["refundedAmount"], "The refunded amount cannot exceed the amount.", "REFUND_EXCEEDS_AMOUNT"));
        }
        else if (refunded > 0 && status != "completed")
        {
            errors.Add(new(["refundedAmount"], "Partial refunds are recorded on completed sales only.", "INVALID_REFUND"));
        }

        var items = Items(input, errors);
        var currency = Text(input, "currency");
        var businessCurrency = await BusinessCurrencyAsync(dataSource, businessId, ctx.CancellationToken);
        if (currency is not null && !CurrencyPattern().IsMatch(currency))
        {
            errors.Add(new(["currency"], $"'{currency}' is not a three-letter upper-case ISO 4217 code.", "INVALID_CURRENCY"));
        }
        else if (currency is not null && currency != businessCurrency)
        {
            errors.Add(new(["currency"], $"Your business records sales in {businessCurrency}, not {currency}.", "CURRENCY_MISMATCH"));
        }

        var storefrontId = SalesIds.ParseStorefront(input.TryGetValue("storefrontId", out var sf) ? sf : null);
        var orderedAt = input.TryGetValue("orderedAt", out var at) && at is DateTimeOffset when ? when : default;

        await using var connection = await dataSource.OpenConnectionAsync(ctx.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(ctx.CancellationToken);
        var customerId = await CustomerIdAsync(connection, transaction, businessId, input, errors, ctx.CancellationToken);
        if (storefrontId is null || !await ExistsAsync(connection, transaction, "sales.storefronts", businessId, storefrontId.Value, ctx.CancellationToken))
        {
            errors.Add(new(["storefrontId"], $"Storefront {sf} not found.", "STOREFRONT_NOT_FOUND"));
        }

        if (errors.Count > 0)
        {
            return new SalePayload(null, errors);
        }

        long saleId;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO sales.sales (business_id, storefront_id, customer_id, external_id, ordered_at, status, amount, refunded_amount)
            VALUES (@business, @storefront, @customer, @external_id, @ordered_at, @status, @amount, @refunded)
            ON CONFLICT (business_id, external_id) DO NOTHING
            RETURNING id
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("business", businessId);
            insert.Parameters.AddWithValue("storefront", storefrontId!.Value);
            insert.Parameters.AddWithValue("customer", customerId!.Value);
            insert.Parameters.AddWithValue("external_id", externalId);
            insert.Parameters.AddWithValue("ordered_at", orderedAt);
            insert.Parameters.AddWithValue("status", status);
            insert.Parameters.AddWithValue("amount", amount);
            insert.Parameters.AddWithValue("refunded", refunded);
            if (await insert.ExecuteScalarAsync(ctx.CancellationToken) is not long id)
            {
                return new SalePayload(null, [new(["externalId"], $"A sale with external id '{externalId}' already exists.", "DUPLICATE_SALE")]);
            }

            saleId = id;
        }

        if (items.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var item in items)
            {
                var command = new NpgsqlBatchCommand("""
                    INSERT INTO sales.sale_items (business_id, sale_id, line_no, sku, description, quantity, unit_price, amount)
                    VALUES (@business, @sale, @line, @sku, @description, @quantity, @unit_price, @amount)
                    """);
                command.Parameters.AddWithValue("business", businessId);
                command.Parameters.AddWithValue("sale", saleId);
                command.Parameters.AddWithValue("line", item.LineNo);
                command.Parameters.AddWithValue("sku", item.Sku);
                command.Parameters.Add(new NpgsqlParameter("description", NpgsqlDbType.Text) { Value = (object?)item.Description ?? DBNull.Value });
                command.Parameters.AddWithValue("quantity", item.Quantity);
                command.Parameters.AddWithValue("unit_price", item.UnitPrice);
                command.Parameters.AddWithValue("amount", item.Amount);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(ctx.CancellationToken);
        }

        await transaction.CommitAsync(ctx.CancellationToken);
        return new SalePayload(
            new SaleNode(saleId, externalId, customerId.Value, storefrontId.Value, orderedAt, status, amount, refunded, currency ?? businessCurrency, items),
            []);
    }

    private static async Task<long?> CustomerIdAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, IReadOnlyDictionary<string, object?> input, List<UserError> errors, CancellationToken cancellationToken)
    {
        if (input.TryGetValue("customerId", out var global) && global is not null)
        {
            var id = SalesIds.ParseCustomer(global);
            if (id is not null && await ExistsAsync(connection, transaction, "sales.customers", businessId, id.Value, cancellationToken))
            {
                return id;
            }

            errors.Add(new(["customerId"], $"Customer {global} not found.", "CUSTOMER_NOT_FOUND"));
            return null;
        }

        if (Text(input, "customerExternalId") is { } externalId)
        {
            await using var command = new NpgsqlCommand("SELECT id FROM sales.customers WHERE business_id = @business AND external_id = @external_id", connection, transaction);
            command.Parameters.AddWithValue("business", businessId);
            command.Parameters.AddWithValue("external_id", externalId);
            if (await command.ExecuteScalarAsync(cancellationToken) is long id)
            {
                return id;
            }

            errors.Add(new(["customerExternalId"], $"Customer '{externalId}' not found; create it with upsertCustomer first.", "CUSTOMER_NOT_FOUND"));
            return null;
        }

        errors.Add(new(["customerId"], "Identify the customer with customerId or customerExternalId.", "REQUIRED"));
        return null;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, long businessId, long id, CancellationToken cancellationToken)
    {
        // table is one of two constants above, never request text.
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {table} WHERE business_id = @business AND id = @id)", connection, transaction);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", id);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<string> BusinessCurrencyAsync(NpgsqlDataSource dataSource, long businessId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT currency FROM sales.businesses WHERE id = @business");
        command.Parameters.AddWithValue("business", businessId);
        return ((string)(await command.ExecuteScalarAsync(cancellationToken))!).Trim();
    }

    private static List<SaleItemNode> Items(IReadOnlyDictionary<string, object?> input, List<UserError> errors)
    {
        var items = new List<SaleItemNode>();
        var index = 0;
        foreach (var value in (input.TryGetValue("items", out var v) && v is System.Collections.IEnumerable list ? list.Cast<object?>() : []))
        {
            var item = (IReadOnlyDictionary<string, object?>)value!;
            var path = index.ToString(CultureInfo.InvariantCulture);
            var sku = Text(item, "sku") ?? string.Empty;
            var quantity = Decimal(item, "quantity") ?? 0m;
            var unitPrice = Decimal(item, "unitPrice") ?? 0m;
            if (sku.Length is 0 or > 200)
            {
                errors.Add(new(["items", path, "sku"], "The sku must be 1-200 characters.", "INVALID_SKU"));
            }

            if (quantity <= 0)
            {
                errors.Add(new(["items", path, "quantity"], "The quantity must be positive.", "INVALID_QUANTITY"));
            }

            Money(errors, ["items", path, "unitPrice"], unitPrice);
            items.Add(new SaleItemNode(index + 1, sku, Text(item, "description"), quantity, unitPrice, decimal.Round(quantity * unitPrice, 2)));
            index++;
        }

        return items;
    }

    private static void Money(List<UserError> errors, string[] field, decimal value)
    {
        if (value < 0)
        {
            errors.Add(new(field, "Amounts cannot be negative; record a refund as a sale with status REFUNDED.", "NEGATIVE_AMOUNT"));
        }
        else if (decimal.Round(value, 2) != value)
        {
            errors.Add(new(field, "Amounts have at most 2 decimals.", "AMOUNT_PRECISION"));
        }
        else if (value >= 10_000_000_000_000_000m)
        {
            errors.Add(new(field, "The amount is too large.", "AMOUNT_TOO_LARGE"));
        }
    }

    private static void Length(List<UserError> errors, string field, string value, int min, int max)
    {
        if (value.Length < min || value.Length > max)
        {
            errors.Add(new([field], $"{field} must be {min}-{max} characters.", value.Length < min ? "REQUIRED" : "TOO_LONG"));
        }
    }

    private static string? Text(IReadOnlyDictionary<string, object?> map, string name) => map.TryGetValue(name, out var value) ? value as string : null;

    private static decimal? Decimal(IReadOnlyDictionary<string, object?> map, string name) =>
        map.TryGetValue(name, out var value) && value is not null ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
