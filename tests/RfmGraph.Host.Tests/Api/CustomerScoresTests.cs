using System.Text.Json;

namespace RfmGraph.Host.Tests.Api;

/// <summary>customerScores: filtering, sorting and keyset paging in SQL over the current (or a given) run.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerScoresTests(ApiFixture api)
{
    private const string Scores = """
        query($where: CustomerScoreFilterInput, $order: [CustomerScoreSortInput!], $first: Int, $after: String, $last: Int, $before: String, $run: ID) {
          customerScores(runId: $run, where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {
            totalCount
            nodes { externalId name email recencyDays frequency monetary r f m segment { code name } customerId }
            edges { cursor }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Fact]
    public async Task The_current_run_is_ordered_by_monetary_descending_by_default()
    {
        await api.Scenario.EnsureAsync();

        var scores = (await api.DataAsync(api.Acme, Scores)).GetProperty("customerScores");

        Assert.Equal(4, scores.GetProperty("totalCount").GetInt32());
        Assert.Equal(["C2", "C3", "C1", "C4"], QueryTests.Names(scores, "externalId"));
        var bob = AcmeScenario.Nodes(scores)[0];
        Assert.Equal(1050m, bob.GetProperty("monetary").GetDecimal());
        Assert.Equal("Loyal", bob.GetProperty("segment").GetProperty("name").GetString());
        Assert.Equal(api.Scenario.CustomerIds["C2"], bob.GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task A_given_run_is_read_instead_of_the_current_one()
    {
        await api.Scenario.EnsureAsync();

        var scores = (await api.DataAsync(api.Acme, Scores, new { run = api.Scenario.Run1 })).GetProperty("customerScores");

        Assert.Equal(["C3", "C1", "C2", "C4"], QueryTests.Names(scores, "externalId"));
        Assert.Equal("OTHERS", AcmeScenario.Nodes(scores)[2].GetProperty("segment").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{ "segmentCode": { "eq": "LOYAL" } }""", "C2,C3")]
    [InlineData("""{ "segmentName": { "in": ["Champions", "Others"] } }""", "C1,C4")]
    [InlineData("""{ "r": { "gte": 3 }, "f": { "lt": 3 } }""", "C2,C3")]
    [InlineData("""{ "recencyDays": { "gt": 5, "lte": 300 } }""", "C3,C4")]
    [InlineData("""{ "monetary": { "gte": 600, "neq": 900 } }""", "C2,C1")]
    [InlineData("""{ "frequency": { "nin": [1, 2] } }""", "C1")]
    [InlineData("""{ "name": { "startsWith": "Ca" } }""", "C3")]
    [InlineData("""{ "email": { "endsWith": "e@example.com" } }""", "C1,C4")]
    [InlineData("""{ "externalId": { "contains": "4" } }""", "C4")]
    [InlineData("""{ "or": [{ "m": { "eq": 1 } }, { "segmentCode": { "eq": "CHAMPIONS" } }] }""", "C1,C4")]
    [InlineData("""{ "and": [{ "m": { "eq": 3 } }, { "r": { "eq": 3 } }], "f": { "gte": 2 } }""", "C2,C3,C1")]
    [InlineData("""{ "lastOrderAt": { "gte": "2026-06-20T00:00:00Z" } }""", "C2,C3,C1")]
    public async Task Filters_on_every_value_score_segment_and_customer_field(string where, string expected)
    {
        await api.Scenario.EnsureAsync();

        var scores = (await api.DataAsync(api.Acme, Scores, new { where = System.Text.Json.JsonDocument.Parse(where).RootElement })).GetProperty("customerScores");

        Assert.Equal(expected.Split(','), QueryTests.Names(scores, "externalId"));
        Assert.Equal(expected.Split(',').Length, scores.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("""[{ "recencyDays": "ASC" }]""", "C2,C1,C3,C4")]
    [InlineData("""[{ "r": "DESC" }, { "frequency": "DESC" }]""", "C1,C2,C3,C4")]   // C2 and C3 tie (R3 F2): the customer (ascending) breaks it
    [InlineData("""[{ "segmentCode": "ASC" }, { "monetary": "ASC" }]""", "C1,C3,C2,C4")]
    [InlineData("""[{ "name": "DESC" }]""", "C4,C3,C2,C1")]
    [InlineData("""[{ "f": "ASC" }, { "m": "DESC" }, { "externalId": "DESC" }]""", "C4,C3,C2,C1")]
    [InlineData("""[{ "customerCreatedAt": "DESC" }]""", "C4,C3,C2,C1")]   // the scenario creates C1 … C6 one after the other
    public async Task Sorts_on_any_field_with_the_customer_as_tie_breaker(string order, string expected)
    {
        await api.Scenario.EnsureAsync();

        var scores = (await api.DataAsync(api.Acme, Scores, new { order = System.Text.Json.JsonDocument.Parse(order).RootElement })).GetProperty("customerScores");

        Assert.Equal(expected.Split(','), QueryTests.Names(scores, "externalId"));
    }

    [Fact]
    public async Task Pages_forward_and_backward_with_keyset_cursors()
    {
        await api.Scenario.EnsureAsync();
        var order = new[] { new { recencyDays = "ASC" } };

        var first = (await api.DataAsync(api.Acme, Scores, new { order, first = 2 })).GetProperty("customerScores");
        Assert.Equal(["C2", "C1"], QueryTests.Names(first, "externalId"));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.False(first.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());

        var after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await api.DataAsync(api.Acme, Scores, new { order, first = 2, after })).GetProperty("customerScores");
        Assert.Equal(["C3", "C4"], QueryTests.Names(second, "externalId"));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(second.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());

        var before = second.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        var back = (await api.DataAsync(api.Acme, Scores, new { order, last = 1, before })).GetProperty("customerScores");
        Assert.Equal(["C1"], QueryTests.Names(back, "externalId"));
        Assert.True(back.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.True(back.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        var last = (await api.DataAsync(api.Acme, Scores, new { order, last = 3 })).GetProperty("customerScores");
        Assert.Equal(["C1", "C3", "C4"], QueryTests.Names(last, "externalId"));
    }

    [Fact]
    public async Task A_cursor_of_another_sort_or_a_tampered_cursor_is_a_clear_error()
    {
        await api.Scenario.EnsureAsync();
        var page = (await api.DataAsync(api.Acme, Scores, new { first = 1 })).GetProperty("customerScores");
        var cursor = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var otherSort = await api.ExecuteAsync(api.Acme, Scores, new { first = 1, after = cursor, order = new[] { new { r = "ASC" } } });
        var tampered = await api.ExecuteAsync(api.Acme, Scores, new { first = 1, after = "not-a-cursor" });
        var tooMany = await api.ExecuteAsync(api.Acme, Scores, new { first = 500 });

        Assert.Equal($"The cursor '{cursor}' is not valid for this connection.", otherSort.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("The cursor 'not-a-cursor' is not valid for this connection.", tampered.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("Requesting 500 records on 'customerScores' exceeds the maximum of 100.", tooMany.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.All([otherSort, tampered, tooMany], r => Assert.Equal(JsonValueKind.Null, r.GetProperty("data").GetProperty("customerScores").ValueKind));
    }
}
