using RfmGraph.Platform.Database;

namespace RfmGraph.Platform;

/// <summary>What the platform itself keeps in the database: API keys (schema "platform") and Quartz's job store (schema "quartz").</summary>
public static class PlatformModule
{
    /// <summary>The platform's migrations; they run before every module's.</summary>
    public static ModuleMigrations Migrations { get; } = new("platform", typeof(PlatformModule).Assembly, Order: 5);
}
