using RfmGraph.Sales.Partitions;

namespace RfmGraph.Sales.Import;

/// <summary>
/// Rows of a business's first import, copied straight into its fresh partition (see
/// <see cref="PartitionLoad"/> and docs/adr/0006-sales-import-pipeline.md): the table is
/// new in this transaction and invisible to everyone else, so it is the staging table.
/// </summary>
internal static class PartitionRows
{
    public static string CopyCommand(string table) =>
        $"COPY {table} (id, business_id, storefront_id, customer_id, external_id, ordered_at, status, amount) FROM STDIN (FORMAT BINARY)";

    /// <param name="id">The sale's id, reserved from sales.sales_id_seq (see <see cref="IdReservation"/>).</param>
    public static void Write(PgBinaryCopyWriter writer, in SaleRecord row, long id, long businessId, long customerId, long storefrontId)
    {
        writer.StartRow(8);
        writer.WriteInt64(id);
        writer.WriteInt64(businessId);
        writer.WriteInt64(storefrontId);
        writer.WriteInt64(customerId);
        writer.WriteText(row.SaleId);
        writer.WriteTimestamp(row.OrderedAt);
        writer.WriteText(SaleStatus.Utf8(row.Status));
        writer.WriteMoney(row.AmountCents);
    }
}
