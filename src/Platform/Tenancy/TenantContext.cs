namespace RfmGraph.Platform.Tenancy;

/// <summary>
/// Scoped, settable <see cref="ITenantContext"/>. Authentication sets it once per request;
/// jobs and CLI verbs set it before they touch data. Setting a different business twice is a bug.
/// </summary>
public sealed class TenantContext : ITenantContext
{
    private long? _businessId;
    private string? _businessKey;

    public bool IsResolved => _businessId.HasValue;

    public long BusinessId => _businessId ?? throw new InvalidOperationException("No business has been resolved for this unit of work.");

    public string BusinessKey => _businessKey ?? throw new InvalidOperationException("No business has been resolved for this unit of work.");

    /// <summary>Binds this unit of work to one business.</summary>
    public void Set(long businessId, string businessKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(businessKey);
        if (_businessId.HasValue && _businessId != businessId)
        {
            throw new InvalidOperationException($"This unit of work already acts for business '{_businessKey}'; it cannot switch to '{businessKey}'.");
        }

        _businessId = businessId;
        _businessKey = businessKey;
    }
}
