using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests.Infrastructure;

/// <summary>One PostgreSQL server for all scoring tests; each test gets its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
