using RfmGraph.Sales;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Architecture.Tests.Violations;

/// <summary>Deliberately wrong code for <see cref="DeliberateViolationTests"/>: a module using Sales' internals (here its entry class) and, legitimately, its contracts.</summary>
internal static class ScoringCodeThatReachesIntoSales
{
    public static string Violation() => SalesModule.Migrations.Module;

    public static string Allowed(BusinessInfo business) => business.Key;
}
