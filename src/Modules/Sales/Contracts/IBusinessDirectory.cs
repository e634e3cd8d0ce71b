namespace RfmGraph.Sales.Contracts;

/// <summary>Looks up businesses (tenants). Used by authentication and the command line.</summary>
public interface IBusinessDirectory
{
    /// <summary>The business with this key, or null.</summary>
    Task<BusinessInfo?> FindByKeyAsync(string businessKey, CancellationToken cancellationToken);

    /// <summary>The business with this id, or null.</summary>
    Task<BusinessInfo?> FindByIdAsync(long businessId, CancellationToken cancellationToken);

    /// <summary>Creates the business if it does not exist; returns it either way.</summary>
    Task<BusinessInfo> EnsureAsync(string businessKey, string name, string currency, CancellationToken cancellationToken);

    /// <summary>True when no business exists yet (the Host then loads the demo data once).</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);
}

/// <summary>A business (tenant) as other modules see it.</summary>
public sealed record BusinessInfo(long Id, string Key, string Name, string Currency);
