namespace RfmGraph.Sales.Contracts;

/// <summary>Deterministic, realistic demo data: the same request always produces the same rows.</summary>
public interface IDemoDataSeeder
{
    /// <summary>Creates (or replaces) the demo business <see cref="DemoDataRequest.BusinessKey"/> and its sales.</summary>
    Task<DemoDataResult> SeedAsync(DemoDataRequest request, IProgress<SalesImportProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>What to generate.</summary>
public sealed record DemoDataRequest(int Customers, int Seed = 42, string BusinessKey = "demo", DateTimeOffset? AsOf = null);

/// <summary>What was generated.</summary>
public sealed record DemoDataResult(string BusinessKey, long BusinessId, int Storefronts, long Customers, long Sales, TimeSpan Duration);
