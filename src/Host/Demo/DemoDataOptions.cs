using System.ComponentModel.DataAnnotations;

namespace RfmGraph.Host.Demo;

/// <summary>The demo data set loaded into an empty database at start-up (section <c>Demo</c>).</summary>
internal sealed class DemoDataOptions
{
    public const string SectionName = "Demo";

    /// <summary>Load the demo data when the database has no business yet.</summary>
    public bool SeedOnEmptyDatabase { get; set; } = true;

    /// <summary>Customers in the demo data set.</summary>
    [Range(1, 10_000_000)]
    public int Customers { get; set; } = 5_000;

    /// <summary>Random seed: the same seed always produces the same rows.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Key of the demo business (also the business of the development token).</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9][a-z0-9_-]{0,62}$", ErrorMessage = "must be a lower-case slug (a-z, 0-9, '_', '-').")]
    public string BusinessKey { get; set; } = "demo";
}
