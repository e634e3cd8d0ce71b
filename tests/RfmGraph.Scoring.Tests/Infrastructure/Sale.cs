namespace RfmGraph.Scoring.Tests.Infrastructure;

/// <summary>
/// A row of sales.sales as the tests write it. Status "completed" counts as an order with net
/// amount <c>Amount - Refunded</c>; "refunded" is a refund with net <c>-Amount</c>; "voided" is ignored.
/// </summary>
internal sealed record Sale(long BusinessId, long StorefrontId, long CustomerId, DateTimeOffset OrderedAt, decimal Amount, string Status = "completed", decimal Refunded = 0m)
{
    public bool CountsAsOrder => Status == "completed";

    public decimal NetAmount => Status switch
    {
        "completed" => Amount - Refunded,
        "refunded" => -Amount,
        _ => 0m,
    };

    public bool Visible => Status is "completed" or "refunded";
}
