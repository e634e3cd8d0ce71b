using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;
using RfmGraph.Host.Auth;
using RfmGraph.Host.Demo;
using RfmGraph.Platform.Database;
using RfmGraph.Platform.Jobs;
using RfmGraph.Platform.Redis;

namespace RfmGraph.Host.Tests.Acceptance;

/// <summary>
/// Issue 2, item 10: docker-compose.yml cannot run here, so its consistency with the configuration is checked
/// by reading it. Every RFMGRAPH__ variable it sets must name a setting the Host binds (a property of the
/// options class of that section, or a connection string the Host reads), and the values must parse.
/// </summary>
public sealed partial class AcceptanceComposeConfigurationTests
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [DatabaseOptions.SectionName] = typeof(DatabaseOptions),
        [JobsOptions.SectionName] = typeof(JobsOptions),
        [DemoDataOptions.SectionName] = typeof(DemoDataOptions),
        [AuthOptions.SectionName] = typeof(AuthOptions),
    };

    [Fact]
    public void Every_rfmgraph_variable_in_docker_compose_names_a_setting_the_host_binds()
    {
        var variables = ComposeVariables();

        Assert.True(variables.Count >= 10, string.Join(", ", variables.Keys));
        var unknown = variables.Keys.Where(name => !IsKnownSetting(name)).ToList();
        Assert.True(unknown.Count == 0, "docker-compose.yml sets settings the Host does not read: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Compose_connection_strings_parse_and_the_replicas_share_a_scheduler_with_distinct_instance_ids()
    {
        var variables = ComposeVariables();

        var postgres = new NpgsqlConnectionStringBuilder(Assert.Single(variables["RFMGRAPH__CONNECTIONSTRINGS__RFM"]));
        Assert.Equal(("postgres", 5432, "rfmgraph"), (postgres.Host, postgres.Port, postgres.Database));
        var redis = RedisOptions.Parse(Assert.Single(variables["RFMGRAPH__CONNECTIONSTRINGS__REDIS"]));
        Assert.Equal(("redis", 6379), (redis.Host, redis.Port));
        Assert.Equal(["host-1", "host-2"], variables["RFMGRAPH__JOBS__INSTANCEID"].Order(StringComparer.Ordinal));
        Assert.Single(variables["RFMGRAPH__JOBS__SCHEDULERNAME"]);
        Assert.True(Assert.Single(variables["RFMGRAPH__AUTH__JWT__SIGNINGKEY"]).Length >= 32, "the signing key must pass the Host's 32-character check");
        var compose = File.ReadAllText(ComposePath());
        Assert.Contains("image: postgres:", compose, StringComparison.Ordinal);
        Assert.Contains("image: redis:", compose, StringComparison.Ordinal);
    }

    private static bool IsKnownSetting(string variable)
    {
        var path = variable["RFMGRAPH__".Length..].Split("__");
        if (path[0].Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase))
        {
            return path.Length == 2 && (path[1].Equals(DatabaseOptions.ConnectionStringName, StringComparison.OrdinalIgnoreCase) || path[1].Equals("Redis", StringComparison.OrdinalIgnoreCase));
        }

        if (path[0].Equals("Logging", StringComparison.OrdinalIgnoreCase))
        {
            // ASP.NET Core's own logging section (console formatter): not one of ours.
            return path is [_, "CONSOLE", "FORMATTERNAME"];
        }

        if (!Sections.TryGetValue(path[0], out var type))
        {
            return false;
        }

        foreach (var segment in path[1..])
        {
            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return true;
    }

    /// <summary>Every RFMGRAPH__ variable of docker-compose.yml with the values it is given (one per occurrence).</summary>
    private static Dictionary<string, List<string>> ComposeVariables()
    {
        var variables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Match match in Variable().Matches(File.ReadAllText(ComposePath())))
        {
            var name = match.Groups["name"].Value;
            if (!variables.TryGetValue(name, out var values))
            {
                variables[name] = values = [];
            }

            values.Add(match.Groups["value"].Value.Trim().Trim('"'));
        }

        return variables;
    }

    private static string ComposePath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docker-compose.yml");
            if (File.Exists(Path.Combine(directory.FullName, "RfmGraph.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docker-compose.yml next to RfmGraph.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s+(?<name>RFMGRAPH__[A-Z0-9_]+):\s*(?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex Variable();
}
