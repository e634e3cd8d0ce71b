using RfmGraph.Testing;

namespace RfmGraph.Sales.Tests;

/// <summary>One PostgreSQL server for the whole assembly; every test creates its own database.</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "sales-database";
}
