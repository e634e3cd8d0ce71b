namespace RfmGraph.Architecture.Tests;

/// <summary>
/// Proof that the checker catches what it is for: this test assembly itself plays a "Scoring"
/// module that reaches into Sales (see <see cref="Violations.ScoringCodeThatReachesIntoSales"/>).
/// </summary>
public sealed class DeliberateViolationTests
{
    private static string ThisAssembly => typeof(DeliberateViolationTests).Assembly.Location;

    [Fact]
    public void A_reference_to_another_modules_non_contract_type_is_reported()
    {
        var violations = BoundaryChecker.ForeignModuleReferences(ThisAssembly, "RfmGraph.Scoring");

        Assert.Equal(["RfmGraph.Scoring uses RfmGraph.Sales.SalesModule, which is not in RfmGraph.Sales.Contracts"], violations);
    }

    [Fact]
    public void References_to_contracts_are_allowed()
    {
        // The same assembly also uses RfmGraph.Sales.Contracts.BusinessInfo, which is not reported above;
        // it is there, so the absence is the rule working rather than the reference missing.
        Assert.Contains("RfmGraph.Sales.Contracts.BusinessInfo", BoundaryChecker.ReferencedTypes(ThisAssembly));
    }

    [Fact]
    public void An_assembly_that_must_stand_alone_is_reported_when_it_references_rfmgraph()
    {
        var references = BoundaryChecker.RfmGraphReferences(ThisAssembly);

        Assert.Contains("assembly RfmGraph.Sales", references);
        Assert.Contains("type RfmGraph.Sales.SalesModule", references);
    }
}
