using System.Reflection;

namespace RfmGraph.Platform.Database;

/// <summary>
/// The numbered SQL scripts of one module, embedded in its assembly as
/// <c>Migrations/NNNN_description.sql</c>. Scripts run in number order, once each, and may not
/// change after they have been applied (their checksum is recorded).
/// </summary>
/// <param name="Module">Module name recorded in the migration history ("sales", "scoring", ...).</param>
/// <param name="Assembly">Assembly whose embedded resources hold the scripts.</param>
/// <param name="Order">Modules migrate in ascending order (a module's views may read an earlier module's schema).</param>
public sealed record ModuleMigrations(string Module, Assembly Assembly, int Order)
{
    /// <summary>The module's scripts, ordered by version.</summary>
    public IReadOnlyList<MigrationScript> Scripts()
    {
        var scripts = new List<MigrationScript>();
        foreach (var resource in Assembly.GetManifestResourceNames())
        {
            var marker = resource.IndexOf(".Migrations.", StringComparison.Ordinal);
            if (marker < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[(marker + ".Migrations.".Length)..^".sql".Length];
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(fileName[..underscore], out var version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' of module '{Module}' must be named NNNN_description.sql.");
            }

            using var stream = Assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, fileName[(underscore + 1)..], reader.ReadToEnd()));
        }

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Module '{Module}' has two migrations numbered {duplicate.Key}.");
        }

        return [.. scripts.OrderBy(s => s.Version)];
    }
}

/// <summary>One numbered SQL script.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script text, to detect edits to an applied migration.</summary>
    public string Checksum => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Sql)));
}
