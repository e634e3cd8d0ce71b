namespace RfmGraph.Architecture.Tests;

public sealed class ModuleBoundaryTests
{
    public static TheoryData<string, string> ModuleAssemblies => new()
    {
        { "RfmGraph.Sales.dll", "RfmGraph.Sales" },
        { "RfmGraph.Scoring.dll", "RfmGraph.Scoring" },
        { "RfmGraph.Reporting.dll", "RfmGraph.Reporting" },
    };

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void A_module_uses_other_modules_only_through_their_contracts(string assembly, string module)
    {
        Assert.Empty(BoundaryChecker.ForeignModuleReferences(Built(assembly), module));
    }

    [Fact]
    public void The_graphql_engine_references_nothing_of_rfmgraph()
    {
        Assert.Empty(BoundaryChecker.RfmGraphReferences(Built("RfmGraph.GraphQL.dll")));
    }

    [Fact]
    public void The_platform_references_no_module()
    {
        var references = BoundaryChecker.RfmGraphReferences(Built("RfmGraph.Platform.dll"));

        Assert.DoesNotContain(references, r => BoundaryChecker.Modules.Any(m => r.Contains(m, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_checker_sees_the_assemblies_it_checks()
    {
        // Guards against a vacuous pass: the Host really does reference module entry points and contracts.
        var host = BoundaryChecker.ReferencedTypes(Built("RfmGraph.Host.dll")).ToList();

        Assert.Contains("RfmGraph.Sales.SalesModule", host);
        Assert.Contains("RfmGraph.Sales.Contracts.IBusinessDirectory", host);
    }

    private static string Built(string assembly)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assembly);
        Assert.True(File.Exists(path), $"{assembly} is not next to the tests ({AppContext.BaseDirectory})");
        return path;
    }
}
