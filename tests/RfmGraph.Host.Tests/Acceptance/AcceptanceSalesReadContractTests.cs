using System.Text.RegularExpressions;

namespace RfmGraph.Host.Tests.Acceptance;

/// <summary>
/// Issue 2, item 4: other modules read Sales only through the views it publishes for them. The reflection-based
/// architecture test sees type references, not SQL text, so this reads the SQL in every project but Sales: any
/// <c>sales.&lt;relation&gt;</c> outside comments must be one of Sales' published views (docs/contracts.md).
/// </summary>
public sealed partial class AcceptanceSalesReadContractTests
{
    /// <summary>The views Sales owns for other modules: counted_sales (scoring's input) and the two directories (migration sales/0003).</summary>
    private static readonly string[] PublishedViews = ["counted_sales", "customer_directory", "storefront_directory"];

    private static readonly string[] OtherProjects = ["src/Modules/Scoring", "src/Modules/Reporting", "src/Host", "src/Platform", "src/GraphQL"];

    [Fact]
    public void No_project_but_sales_names_a_sales_relation_other_than_its_published_views()
    {
        var root = RepositoryRoot();
        var files = OtherProjects
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(root, p), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .ToList();

        var violations = files.SelectMany(f => Violations(File.ReadAllText(f)).Select(v => $"{Path.GetRelativePath(root, f)}: {v}")).ToList();

        Assert.True(files.Count > 50, $"only {files.Count} files read under {root}");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_check_reports_a_deliberate_read_of_a_sales_table_and_ignores_comments()
    {
        const string Code = """
            // sales.sales is mentioned in a comment only
            -- and sales.customers here
            var sql = "SELECT s.amount FROM sales.sales s JOIN sales.counted_sales c ON c.sale_id = s.id";
            var other = "SELECT name FROM sales.customers WHERE business_id = 1";
            var notSql = RfmGraph.Sales.Contracts.BusinessInfo.Empty;
            """;

        Assert.Equal(["sales.sales", "sales.customers"], Violations(Code));
    }

    /// <summary>Every <c>sales.x</c> outside line comments whose x is not a published view.</summary>
    private static List<string> Violations(string text) =>
        [.. text.Split('\n')
            .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !line.TrimStart().StartsWith("--", StringComparison.Ordinal))
            .SelectMany(line => SalesRelation().Matches(line))
            .Where(m => !PublishedViews.Contains(m.Groups["relation"].Value, StringComparer.Ordinal))
            .Select(m => m.Value)];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RfmGraph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("RfmGraph.sln was not found above " + AppContext.BaseDirectory);
    }

    // "sales." and a lower-case relation name (SQL here is lower case), not preceded by a letter, digit, '_' or '.':
    // not "RfmGraph.Sales.Contracts", and not a C# variable's member ("sales.Count": members are PascalCase).
    [GeneratedRegex(@"(?<![A-Za-z0-9_.])sales\.(?<relation>[a-z_][a-z0-9_]*)\b")]
    private static partial Regex SalesRelation();
}
