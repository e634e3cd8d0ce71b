using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Extensibility;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Platform.Jobs;

/// <summary>Sets a job run's scoped tenant from its data before the job and its dependencies are built.</summary>
internal static class JobScopeTenant
{
    public static void Apply(IServiceScope scope, TriggerFiredBundle bundle, IScheduler scheduler)
    {
        var id = Read(bundle, JobDataKeys.BusinessId);
        var key = Read(bundle, JobDataKeys.BusinessKey);
        if (id is null || key is null)
        {
            return;
        }

        var context = scope.ServiceProvider.GetService<TenantContext>();
        context?.Set(long.Parse(id, NumberStyles.Integer, CultureInfo.InvariantCulture), key);
    }

    private static string? Read(TriggerFiredBundle bundle, string name)
    {
        // Trigger data overrides job data, as in Quartz's merged map.
        if (bundle.Trigger.JobDataMap.TryGetValue(name, out var fromTrigger) && fromTrigger is not null)
        {
            return Convert.ToString(fromTrigger, CultureInfo.InvariantCulture);
        }

        return bundle.JobDetail.JobDataMap.TryGetValue(name, out var fromJob) && fromJob is not null
            ? Convert.ToString(fromJob, CultureInfo.InvariantCulture)
            : null;
    }
}
