using System.Text.Json;

namespace RfmGraph.Host.Tests.Api;

/// <summary>Relay global object identification: node(id) and nodes(ids) for every node type, scoped to the caller's business.</summary>
[Collection(ApiCollection.Name)]
public sealed class NodeTests(ApiFixture api)
{
    private const string Nodes = """
        query($ids: [ID!]!) {
          nodes(ids: $ids) {
            __typename id
            ... on Customer { externalId name }
            ... on Storefront { code }
            ... on RfmRun { status customersScored schemeKey }
            ... on SegmentScheme { key version }
          }
        }
        """;

    [Fact]
    public async Task Every_node_type_resolves_by_its_global_id_in_the_given_order()
    {
        await api.Scenario.EnsureAsync();
        var scenario = api.Scenario;
        var scheme = (await api.DataAsync(api.Acme, "{ segmentScheme(key: \"simple3\", version: 1) { id } }")).GetProperty("segmentScheme").GetProperty("id").GetString()!;
        var ids = new[] { scenario.Run1, scenario.CustomerIds["C3"], scheme, scenario.MainStorefrontId, scenario.CustomerIds["C1"] };

        var nodes = (await api.DataAsync(api.Acme, Nodes, new { ids })).GetProperty("nodes").EnumerateArray().ToList();

        Assert.Equal(["RfmRun", "Customer", "SegmentScheme", "Storefront", "Customer"], nodes.Select(n => n.GetProperty("__typename").GetString()));
        Assert.Equal(ids, nodes.Select(n => n.GetProperty("id").GetString()));
        Assert.Equal("SUCCEEDED", nodes[0].GetProperty("status").GetString());
        Assert.Equal(4, nodes[0].GetProperty("customersScored").GetInt64());
        Assert.Equal(("C3", "Carol"), (nodes[1].GetProperty("externalId").GetString(), nodes[1].GetProperty("name").GetString()));
        Assert.Equal(("simple3", 1), (nodes[2].GetProperty("key").GetString(), nodes[2].GetProperty("version").GetInt32()));
        Assert.Equal("main", nodes[3].GetProperty("code").GetString());
        Assert.Equal("C1", nodes[4].GetProperty("externalId").GetString());

        var one = await api.DataAsync(api.Acme, "query($id: ID!) { node(id: $id) { ... on RfmRun { id isCurrent } } }", new { id = scenario.Run2 });
        Assert.True(one.GetProperty("node").GetProperty("isCurrent").GetBoolean());
    }

    [Fact]
    public async Task Another_business_gets_null_for_every_node_but_the_built_in_schemes()
    {
        await api.Scenario.EnsureAsync();
        var scenario = api.Scenario;
        var schemes = (await api.DataAsync(api.Acme, "{ own: segmentScheme(key: \"simple3\") { id } builtIn: segmentScheme(key: \"pos8\") { id } }"));
        var own = schemes.GetProperty("own").GetProperty("id").GetString()!;
        var builtIn = schemes.GetProperty("builtIn").GetProperty("id").GetString()!;
        var ids = new[] { scenario.CustomerIds["C1"], scenario.MainStorefrontId, scenario.Run1, own, builtIn };

        var nodes = (await api.DataAsync(api.Globex, Nodes, new { ids })).GetProperty("nodes").EnumerateArray().ToList();
        var node = await api.DataAsync(api.Globex, "query($id: ID!) { node(id: $id) { id } }", new { id = scenario.CustomerIds["C2"] });

        Assert.All(nodes.Take(4), n => Assert.Equal(JsonValueKind.Null, n.ValueKind));
        Assert.Equal("pos8", nodes[4].GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, node.GetProperty("node").ValueKind);
    }

    [Fact]
    public async Task Ids_are_opaque_and_a_malformed_one_is_a_clear_error()
    {
        await api.Scenario.EnsureAsync();
        var c1 = api.Scenario.CustomerIds["C1"];

        var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(c1));
        var bad = await api.ExecuteAsync(api.Acme, "{ node(id: \"bm90LWEtbm9kZQ==\") { id } }");

        Assert.Matches("^Customer:[0-9]+$", decoded);
        Assert.Equal("The ID 'bm90LWEtbm9kZQ==' is not a valid node ID.", bad.GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
