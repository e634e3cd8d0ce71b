using Npgsql;
using RfmGraph.Sales.Data;

namespace RfmGraph.Sales.GraphQL;

/// <summary>Entities from the RETURNING rows of the ingest mutations (the API's Customer and Storefront are the EF entities).</summary>
internal static class SalesRows
{
    /// <summary>Columns: id, external_id, name, email, created_at.</summary>
    public static Customer Customer(NpgsqlDataReader reader, long businessId) => new()
    {
        Id = reader.GetInt64(0),
        BusinessId = businessId,
        ExternalId = reader.GetString(1),
        Name = reader.IsDBNull(2) ? null : reader.GetString(2),
        Email = reader.IsDBNull(3) ? null : reader.GetString(3),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(4),
    };

    /// <summary>Columns: id, code, name, created_at.</summary>
    public static Storefront Storefront(NpgsqlDataReader reader, long businessId) => new()
    {
        Id = reader.GetInt64(0),
        BusinessId = businessId,
        Code = reader.GetString(1),
        Name = reader.GetString(2),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
    };
}
