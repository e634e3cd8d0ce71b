namespace RfmGraph.Platform.Jobs;

/// <summary>Job data entries the platform reads itself.</summary>
public static class JobDataKeys
{
    /// <summary>Database id of the business a job acts for; sets the job scope's tenant.</summary>
    public const string BusinessId = "rfm.businessId";

    /// <summary>Key (slug) of the business a job acts for.</summary>
    public const string BusinessKey = "rfm.businessKey";
}
