namespace RfmGraph.Host.Tests.Api;

/// <summary>The API test classes share one Host, one database and one scenario (built once, then only read or left unchanged).</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
