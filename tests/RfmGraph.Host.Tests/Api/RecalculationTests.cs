using System.Globalization;
using RfmGraph.GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Host.Tests.Api;

/// <summary>
/// requestRfmRecalculation → the Quartz job computes and publishes the run → customerScores switches to it, and
/// rfmRecalculated subscribers hear about it. Runs on globex so acme's scenario keeps its current run.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RecalculationTests(ApiFixture api)
{
    [Fact]
    public async Task A_requested_run_is_executed_by_the_job_published_and_announced_to_subscribers()
    {
        var globex = api.Globex;
        var storefront = (await api.DataAsync(globex, "mutation { createStorefront(input: { code: \"g-main\", name: \"Globex\" }) { storefront { id } } }"))
            .GetProperty("createStorefront").GetProperty("storefront").GetProperty("id").GetString();
        foreach (var (customer, amount) in new[] { ("G1", 10m), ("G2", 20m), ("G3", 30m) })
        {
            await api.DataAsync(globex, "mutation($id: String!) { upsertCustomer(input: { externalId: $id }) { customer { id } } }", new { id = customer });
            var sale = await api.DataAsync(globex, """
                mutation($input: RecordSaleInput!) { recordSale(input: $input) { userErrors { code } } }
                """, new { input = new { externalId = "GS-" + customer, customerExternalId = customer, storefrontId = storefront, orderedAt = "2026-06-01T00:00:00Z", amount = amount.ToString(CultureInfo.InvariantCulture) } });
            Assert.Empty(sale.GetProperty("recordSale").GetProperty("userErrors").EnumerateArray());
        }

        var none = await api.DataAsync(globex, "{ customerScores { totalCount } }");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, none.GetProperty("customerScores").ValueKind);

        // Subscribe first (as globex), then request the run.
        await using var scope = api.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(globex.Id, globex.Key);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var subscription = await api.Executor.SubscribeAsync(
            new GraphQLRequest { Query = "subscription { rfmRecalculated { runId customersScored segments { segment { code } customers } run { status } } }" },
            new RequestContext(scope.ServiceProvider),
            cancel.Token);
        Assert.Null(subscription.Error);
        var events = subscription.Stream!.GetAsyncEnumerator(cancel.Token);
        var next = events.MoveNextAsync().AsTask();

        var requested = await api.DataAsync(globex, AcmeScenario.RequestRun, new { input = new { days = 365, asOf = "2026-06-30T00:00:00Z", scheme = "rfgrid10" } });
        var runId = requested.GetProperty("requestRfmRecalculation").GetProperty("run").GetProperty("id").GetString()!;

        Assert.True(await next);
        var published = System.Text.Json.JsonDocument.Parse(events.Current.ToJson()).RootElement.GetProperty("data").GetProperty("rfmRecalculated");
        Assert.Equal(runId, published.GetProperty("runId").GetString());
        Assert.Equal(3, published.GetProperty("customersScored").GetInt64());
        Assert.Equal("SUCCEEDED", published.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(3, published.GetProperty("segments").EnumerateArray().Sum(s => s.GetProperty("customers").GetInt64()));
        await events.DisposeAsync();

        var scores = await api.DataAsync(globex, "{ customerScores(order: [{ monetary: ASC }]) { totalCount nodes { externalId monetary rfm { runId } } } }");
        Assert.Equal(3, scores.GetProperty("customerScores").GetProperty("totalCount").GetInt32());
        Assert.Equal(["G1", "G2", "G3"], QueryTests.Names(scores.GetProperty("customerScores"), "externalId"));
        Assert.All(AcmeScenario.Nodes(scores.GetProperty("customerScores")), n => Assert.Equal(runId, n.GetProperty("rfm").GetProperty("runId").GetString()));
        var run = await api.DataAsync(globex, "query($id: ID!) { rfmRun(id: $id) { status isCurrent customersScored } }", new { id = runId });
        Assert.True(run.GetProperty("rfmRun").GetProperty("isCurrent").GetBoolean());
    }

    [Fact]
    public async Task Customer_rfm_is_batched_a_page_of_customers_costs_a_bounded_number_of_statements()
    {
        await api.Scenario.EnsureAsync();
        const string query = """
            query($first: Int) {
              customers(first: $first) { nodes { externalId rfm { r segment { code } explanation { matchedRule { code } } run { id } } rfmHistory { runId } } }
            }
            """;

        var two = await ApiFixture.CountStatementsAsync(() => api.DataAsync(api.Acme, query, new { first = 2 }));
        var six = await ApiFixture.CountStatementsAsync(() => api.DataAsync(api.Acme, query, new { first = 6 }));

        // page + rfm + history + runs + scheme: the same few statements for 2 or 6 customers, never one per customer.
        Assert.Equal(two, six);
        Assert.InRange(six, 4, 6);
    }
}
