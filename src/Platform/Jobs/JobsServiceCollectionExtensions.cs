using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using RfmGraph.Platform.Configuration;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Platform.Jobs;

/// <summary>Registers the jobs platform: Quartz with its clustered PostgreSQL store, and <see cref="IJobScheduler"/>.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>Table prefix of Quartz's store: its tables live in schema "quartz" (Platform migration 0002).</summary>
    public const string TablePrefix = "quartz.qrtz_";

    /// <summary>
    /// Quartz 4.7 over the registered <see cref="System.Data.Common.DbDataSource"/> (the one
    /// <see cref="Npgsql.NpgsqlDataSource"/> of <c>AddRfmDatabase</c>): clustered, System.Text.Json job data,
    /// execution history in the database, and a hosted service that waits for running jobs on shutdown.
    /// </summary>
    public static IServiceCollection AddRfmJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new JobsOptions();
        configuration.GetSection(JobsOptions.SectionName).Bind(options);
        services.AddOptions<JobsOptions>()
            .BindSettings(configuration, JobsOptions.SectionName);

        services.AddRfmTenancy();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IJobScheduler, QuartzJobScheduler>();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = options.SchedulerName;
                if (string.IsNullOrWhiteSpace(options.InstanceId))
                {
                    s.GenerateInstanceId = true;
                }
                else
                {
                    s.InstanceId = options.InstanceId;
                }
            });
            // Clamped: a bad value is reported by our own validation (one message), not by Quartz as well.
            q.UseDefaultThreadPool(Math.Clamp(options.MaxConcurrency, 1, 64));
            q.ConfigureJobScope(JobScopeTenant.Apply);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(dataSource => dataSource.UseRegisteredDataSource = true);
                store.ConfigureStore(s =>
                {
                    s.TablePrefix = TablePrefix;
                    // Our migration creates the schema; Quartz only checks it is complete.
                    s.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(options.CheckinIntervalSeconds);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.CheckinMisfireThresholdSeconds);
                });
                store.UseSystemTextJsonSerializer();
                store.UseExecutionHistory();
            });
        });
        services.AddQuartzExecutionHistory(h => h.Retention = TimeSpan.FromDays(options.HistoryRetentionDays));
        if (options.Enabled)
        {
            services.AddQuartzHostedService(h =>
            {
                // Graceful shutdown: the Host stops only after running jobs finish (or the host's shutdown timeout).
                h.WaitForJobsToComplete = true;
                h.AwaitApplicationStarted = true;
            });
        }

        return services;
    }

    /// <summary>
    /// Makes <typeparamref name="TJob"/> runnable: built per run in its own DI scope (scoped services,
    /// the job's tenant already set). Trigger it with <see cref="IJobScheduler"/>.
    /// </summary>
    public static IServiceCollection AddRfmJob<TJob>(this IServiceCollection services)
        where TJob : class, IJob
    {
        services.TryAddScoped<TJob>();
        return services;
    }
}
