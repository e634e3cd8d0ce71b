namespace RfmGraph.Scoring.Data;

/// <summary>
/// A scored customer of one run as the API filters, sorts and pages it: the row of scoring.customer_scores, its
/// segment's name (rule or fallback of the run's scheme version) and the customer fields Sales publishes in
/// sales.customer_directory. Read-only (mapped to a SQL query, see <see cref="ScoringReadDbContext"/>); settable
/// members so projections can rebuild it with only the selected columns.
/// </summary>
internal sealed class CustomerScore
{
    public long RunId { get; set; }
    public long BusinessId { get; set; }
    public long CustomerId { get; set; }
    public DateTimeOffset LastOrderAt { get; set; }
    public int RecencyDays { get; set; }
    public int Frequency { get; set; }
    public decimal Monetary { get; set; }
    public short R { get; set; }
    public short F { get; set; }
    public short M { get; set; }
    public string SegmentCode { get; set; } = string.Empty;
    public string SegmentName { get; set; } = string.Empty;
    public short? RulePosition { get; set; }
    public string ExternalId { get; set; } = string.Empty;
    public string? Name { get; set; }
    public string? Email { get; set; }
    public DateTimeOffset CustomerCreatedAt { get; set; }
}
