namespace RfmGraph.Sales;

/// <summary>Settings of the Sales module (configuration section "Sales").</summary>
internal sealed class SalesOptions
{
    public const string Section = "Sales";

    /// <summary>Currency of a business created by an import whose file names no currency.</summary>
    public string DefaultCurrency { get; set; } = "EUR";
}
