using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RfmGraph.GraphQL.Subscriptions;

namespace RfmGraph.Platform.Redis;

/// <summary>Registers the event stream GraphQL subscriptions read from.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// With <c>ConnectionStrings:Redis</c> set, events travel through Redis pub/sub, so a subscriber connected to
    /// one Host instance hears what a job on another instance published; without it (one process, e.g. the
    /// embedded default), they stay in-process. A malformed connection string stops the Host at start-up with
    /// the other configuration errors.
    /// </summary>
    public static IServiceCollection AddRfmTopicEventStream(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddSingleton<ITopicEventStream, InProcessTopicEventStream>();
            return services;
        }

        services.AddOptions<RedisSetting>().Configure(setting => setting.ConnectionString = connectionString).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisSetting>, RedisSettingValidator>();
        services.AddSingleton(sp => RedisOptions.Parse(sp.GetRequiredService<IOptions<RedisSetting>>().Value.ConnectionString));
        services.AddSingleton<RedisClient>();
        services.AddSingleton(sp => new RedisTopicEventStream(
            sp.GetRequiredService<RedisClient>(), sp.GetService<TopicEventStreamOptions>(), sp.GetRequiredService<ILogger<RedisTopicEventStream>>()));
        services.AddSingleton<ITopicEventStream>(sp => sp.GetRequiredService<RedisTopicEventStream>());
        return services;
    }

    private sealed class RedisSetting
    {
        public string ConnectionString { get; set; } = string.Empty;
    }

    private sealed class RedisSettingValidator : IValidateOptions<RedisSetting>
    {
        public ValidateOptionsResult Validate(string? name, RedisSetting options)
        {
            try
            {
                RedisOptions.Parse(options.ConnectionString);
                return ValidateOptionsResult.Success;
            }
            catch (FormatException ex)
            {
                return ValidateOptionsResult.Fail($"ConnectionStrings:Redis (RFMGRAPH__CONNECTIONSTRINGS__REDIS) is not valid: {ex.Message}");
            }
        }
    }
}
