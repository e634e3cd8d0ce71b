using System.Globalization;
using System.Text.Json;

namespace RfmGraph.Host.Tests.Api;

/// <summary>
/// customerScores against LINQ-to-objects: business "umbrella" gets 120 customers with many ties, one
/// QUANTILE_TIES run, and every page of filtered, sorted walks (forward and backward) must equal the same
/// filter and sort applied in memory to the run's rows read straight from the tables.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerScoresOracleTests(ApiFixture api)
{
    private const string Page = """
        query($where: CustomerScoreFilterInput, $order: [CustomerScoreSortInput!], $first: Int, $after: String, $last: Int, $before: String) {
          customerScores(where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {
            totalCount
            nodes { customerId externalId email recencyDays frequency monetary r f m segment { code } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Fact]
    public async Task Filtered_sorted_pages_equal_the_same_query_in_memory()
    {
        var umbrella = await api.BusinessAsync("umbrella", "Umbrella");
        await SeedAsync(umbrella);
        var rows = await OracleRowsAsync(umbrella.Id);
        Assert.Equal(120, rows.Count);
        var commonSegments = rows.GroupBy(r => r.Segment).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(2).Select(g => g.Key).ToArray();

        // where: segment in the two largest segments, and (R >= 4 or M <= 2) and frequency >= 1; order: R desc, monetary asc.
        var where = new Dictionary<string, object?>
        {
            ["segmentCode"] = new Dictionary<string, object?> { ["in"] = commonSegments },
            ["or"] = new object[] { new Dictionary<string, object?> { ["r"] = new { gte = 4 } }, new Dictionary<string, object?> { ["m"] = new { lte = 2 } } },
            ["frequency"] = new { gte = 1 },
        };
        var order = new object[] { new { r = "DESC" }, new { monetary = "ASC" } };
        var expected = rows
            .Where(r => commonSegments.Contains(r.Segment) && (r.R >= 4 || r.M <= 2) && r.Frequency >= 1)
            .OrderByDescending(r => r.R).ThenBy(r => r.Monetary).ThenBy(r => r.CustomerId)
            .ToList();
        Assert.InRange(expected.Count, 8, 120);

        var forward = await WalkAsync(umbrella, where, order, forward: true, expected.Count);
        var backward = await WalkAsync(umbrella, where, order, forward: false, expected.Count);

        Assert.Equal(expected.Select(r => r.ExternalId), forward.Select(n => n.GetProperty("externalId").GetString()));
        Assert.Equal(expected.Select(r => r.ExternalId), backward.Select(n => n.GetProperty("externalId").GetString()));
        Assert.Equal(expected.Select(r => r.Monetary), forward.Select(n => n.GetProperty("monetary").GetDecimal()));
        Assert.Equal(expected.Select(r => (r.Recency, r.Frequency, r.R, r.F, r.M, r.Segment)), forward.Select(n => (
            n.GetProperty("recencyDays").GetInt32(), n.GetProperty("frequency").GetInt32(), n.GetProperty("r").GetInt32(),
            n.GetProperty("f").GetInt32(), n.GetProperty("m").GetInt32(), n.GetProperty("segment").GetProperty("code").GetString()!)));

        // A second shape: customer fields and lastOrder-free values, frequency desc then recency asc.
        var where2 = new Dictionary<string, object?> { ["email"] = new { endsWith = "@even.example" }, ["monetary"] = new { gt = 150 } };
        var order2 = new object[] { new { frequency = "DESC" }, new { recencyDays = "ASC" } };
        var expected2 = rows.Where(r => r.Email.EndsWith("@even.example", StringComparison.Ordinal) && r.Monetary > 150)
            .OrderByDescending(r => r.Frequency).ThenBy(r => r.Recency).ThenBy(r => r.CustomerId).Select(r => r.ExternalId).ToList();
        Assert.InRange(expected2.Count, 5, 120);
        Assert.Equal(expected2, (await WalkAsync(umbrella, where2, order2, forward: true, expected2.Count)).Select(n => n.GetProperty("externalId").GetString()));
    }

    /// <summary>Pages of 7 through the whole result, checking pageInfo and totalCount on every page.</summary>
    private async Task<List<JsonElement>> WalkAsync(Sales.Contracts.BusinessInfo business, object where, object order, bool forward, int total)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        var first = true;
        while (true)
        {
            var page = (await api.DataAsync(business, Page, forward
                ? new { where, order, first = (int?)7, after = cursor, last = (int?)null, before = (string?)null }
                : new { where, order, first = (int?)null, after = (string?)null, last = (int?)7, before = cursor })).GetProperty("customerScores");
            Assert.Equal(total, page.GetProperty("totalCount").GetInt32());
            var nodes = AcmeScenario.Nodes(page);
            var info = page.GetProperty("pageInfo");
            if (forward)
            {
                all.AddRange(nodes);
                Assert.Equal(!first, info.GetProperty("hasPreviousPage").GetBoolean());
            }
            else
            {
                all.InsertRange(0, nodes);
                Assert.Equal(!first, info.GetProperty("hasNextPage").GetBoolean());
            }

            first = false;
            var more = info.GetProperty(forward ? "hasNextPage" : "hasPreviousPage").GetBoolean();
            Assert.Equal(more ? 7 : total - ((all.Count - 1) / 7 * 7), nodes.Length);
            if (!more)
            {
                return all;
            }

            cursor = info.GetProperty(forward ? "endCursor" : "startCursor").GetString();
        }
    }

    /// <summary>Customer i buys 1..3 times, amounts and recencies cycle through few values so scores and sort keys tie often.</summary>
    private async Task SeedAsync(Sales.Contracts.BusinessInfo business)
    {
        var storefront = (await api.DataAsync(business, "mutation { createStorefront(input: { code: \"u\", name: \"Umbrella\" }) { storefront { id } } }"))
            .GetProperty("createStorefront").GetProperty("storefront").GetProperty("id").GetString()!;
        for (var i = 1; i <= 120; i++)
        {
            var external = "U" + i.ToString("D3", CultureInfo.InvariantCulture);
            await api.DataAsync(business, "mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { customer { id } } }",
                new { input = new { externalId = external, name = "Customer " + external, email = $"{external.ToLowerInvariant()}@{(i % 2 == 0 ? "even" : "odd")}.example" } });
            for (var sale = 0; sale <= i % 3; sale++)
            {
                var result = await api.DataAsync(business, "mutation($input: RecordSaleInput!) { recordSale(input: $input) { userErrors { code } } }", new
                {
                    input = new
                    {
                        externalId = $"{external}-{sale}",
                        customerExternalId = external,
                        storefrontId = storefront,
                        orderedAt = AcmeScenario.AsOf.AddDays(-(1 + ((i * 7 + sale * 31) % 40) * 8)).ToString("O", CultureInfo.InvariantCulture),
                        amount = (10 * (1 + ((i * 13 + sale) % 25))).ToString(CultureInfo.InvariantCulture),
                    },
                });
                Assert.Empty(result.GetProperty("recordSale").GetProperty("userErrors").EnumerateArray());
            }
        }

        var run = (await api.DataAsync(business, AcmeScenario.RequestRun, new { input = new { days = 365, asOf = AcmeScenario.AsOf.ToString("O", CultureInfo.InvariantCulture), scheme = "pos8" } }))
            .GetProperty("requestRfmRecalculation").GetProperty("run").GetProperty("id").GetString()!;
        await AcmeScenario.WaitForStatusAsync(api, business, run, "SUCCEEDED");
    }

    /// <summary>The current business-wide run's rows, read from the tables (not through the API).</summary>
    private async Task<List<OracleRow>> OracleRowsAsync(long businessId)
    {
        var rows = await api.QueryAsync("""
            SELECT s.customer_id, c.external_id, c.email, s.recency_days, s.frequency, s.monetary, s.r, s.f, s.m, s.segment_code
            FROM scoring.current_runs cr
            JOIN scoring.customer_scores s ON s.run_id = cr.run_id
            JOIN sales.customers c ON c.business_id = s.business_id AND c.id = s.customer_id
            WHERE cr.business_id = @business AND cr.storefront_id IS NULL
            """, ("business", businessId));
        return [.. rows.Select(r => new OracleRow(
            (long)r[0]!, (string)r[1]!, (string)r[2]!, (int)r[3]!, (int)r[4]!, (decimal)r[5]!, (short)r[6]!, (short)r[7]!, (short)r[8]!, (string)r[9]!))];
    }

    private sealed record OracleRow(long CustomerId, string ExternalId, string Email, int Recency, int Frequency, decimal Monetary, int R, int F, int M, string Segment);
}
