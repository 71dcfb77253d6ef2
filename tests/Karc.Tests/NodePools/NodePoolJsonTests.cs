using System.Text.Json;
using Addons.Karc.NodePools;

namespace Karc.Tests.NodePools;

public class NodePoolJsonTests
{
    [Fact]
    public void Deserialize_FullNodePool_ReadsDisruption()
    {
        const string json = """
            {"apiVersion":"karpenter.sh/v1","kind":"NodePool","metadata":{"name":"general","resourceVersion":"7"},
             "spec":{"weight":10,"template":{"spec":{"nodeClassRef":{"name":"x"}}},
                     "disruption":{"consolidationPolicy":"WhenEmpty","consolidateAfter":"30s",
                                   "budgets":[{"nodes":"0","schedule":"0 9 * * 5","duration":"8h","reasons":["Drifted"]},{"nodes":"10%"}]}}}
            """;
        var pool = JsonSerializer.Deserialize(json, KarcJsonContext.Default.NodePool)!;
        Assert.Equal("general", pool.Name);
        Assert.Equal(10, pool.Spec!.Weight);
        Assert.Equal("WhenEmpty", pool.Spec.Disruption!.ConsolidationPolicy);
        Assert.Equal(2, pool.Budgets!.Count);
        Assert.Equal(["Drifted"], pool.Budgets[0].Reasons!);
    }

    [Fact]
    public void Deserialize_MalformedFields_DoesNotThrow()
    {
        const string json = """
            {"metadata":{"name":"odd"},"spec":{"weight":"heavy","unknown":[1,2],
             "disruption":{"consolidateAfter":30,"budgets":[{"nodes":3,"reasons":"Drifted","future":true},"junk",{"nodes":{"a":1}}]}}}
            """;
        var pool = JsonSerializer.Deserialize(json, KarcJsonContext.Default.NodePool)!;
        Assert.Null(pool.Spec!.Weight);
        Assert.Equal("30", pool.Spec.Disruption!.ConsolidateAfter);
        Assert.Equal(2, pool.Budgets!.Count);
        Assert.Equal("3", pool.Budgets[0].Nodes);
        Assert.Null(pool.Budgets[0].Reasons);
        Assert.Null(pool.Budgets[1].Nodes);
    }

    [Fact]
    public void Deserialize_BudgetsNotAList_ReadsAsAbsent()
    {
        const string json = """{"metadata":{"name":"x"},"spec":{"disruption":{"budgets":"none"}}}""";
        var pool = JsonSerializer.Deserialize(json, KarcJsonContext.Default.NodePool)!;
        Assert.Null(pool.Budgets);
    }

    [Fact]
    public void Serialize_Budget_KeepsUnknownFields()
    {
        const string json = """{"nodes":"1","schedule":"0 9 * * *","duration":"1h","futureField":{"x":1}}""";
        var budget = JsonSerializer.Deserialize(json, KarcJsonContext.Default.Budget)!;
        Assert.Equal(json, JsonSerializer.Serialize(budget, KarcJsonContext.Default.Budget));
    }

    [Fact]
    public void NodePoolName_FromLabel()
    {
        const string json = """{"metadata":{"name":"c1","labels":{"karpenter.sh/nodepool":"gpu"}}}""";
        Assert.Equal("gpu", JsonSerializer.Deserialize(json, KarcJsonContext.Default.NodeClaim)!.NodePoolName);
    }
}
