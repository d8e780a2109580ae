using System.Text.Json;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Kubernetes.Live;

namespace DiagBot.Diagnostics.Tests.Kubernetes;

/// <summary>SecurityGroupPolicy lists as the custom-objects API returns them, and their selectors matched as the controller matches them.</summary>
public sealed class KubernetesSecurityGroupPoliciesTests
{
    // Shape: the EKS user guide's example policy ("Assign security groups to individual Pods": podSelector.matchLabels,
    // securityGroups.groupIds) and the CRD schema's serviceAccountSelector with matchExpressions; values made up for these tests.
    private const string List = """
        {"apiVersion":"vpcresources.k8s.aws/v1beta1","kind":"SecurityGroupPolicyList","items":[
          {"apiVersion":"vpcresources.k8s.aws/v1beta1","kind":"SecurityGroupPolicy","metadata":{"name":"my-security-group-policy","namespace":"my-namespace"},
           "spec":{"podSelector":{"matchLabels":{"role":"my-role"}},"securityGroups":{"groupIds":["sg-0a1b2c3d4e5f60001","sg-0a1b2c3d4e5f60002"]}}},
          {"apiVersion":"vpcresources.k8s.aws/v1beta1","kind":"SecurityGroupPolicy","metadata":{"name":"by-account","namespace":"my-namespace"},
           "spec":{"serviceAccountSelector":{"matchExpressions":[{"key":"team","operator":"In","values":["payments","ledger"]}]},
                   "securityGroups":{"groupIds":["sg-0a1b2c3d4e5f60003"]}}}
        ]}
        """;

    [Fact]
    public void List_PodAndServiceAccountSelectors_AreReadWithTheirGroups()
    {
        var policies = KubernetesSecurityGroupPolicies.List(JsonDocument.Parse(List).RootElement);

        Assert.Equal(2, policies.Count);
        var byPod = policies[0];
        Assert.Equal(("my-namespace", "my-security-group-policy", "role=my-role", (KubeLabelSelector?)null),
            (byPod.Namespace, byPod.Name, byPod.PodSelector?.ToString(), byPod.ServiceAccountSelector));
        Assert.Equal(["sg-0a1b2c3d4e5f60001", "sg-0a1b2c3d4e5f60002"], byPod.GroupIds);
        Assert.Null(policies[1].PodSelector);
        Assert.Equal("team in (ledger,payments)", policies[1].ServiceAccountSelector?.ToString());
    }

    [Fact]
    public void List_NotAList_IsEmpty()
    {
        Assert.Empty(KubernetesSecurityGroupPolicies.List(JsonDocument.Parse("""{"kind":"Status","code":404}""").RootElement));
    }

    [Theory]
    [InlineData("role=my-role", true)]
    [InlineData("role=other", false)]
    [InlineData("app=web", false)]
    public void Matches_MatchLabels_NeedsEveryKeyWithItsValue(string labels, bool matches)
    {
        var selector = new KubeLabelSelector(new Dictionary<string, string> { ["role"] = "my-role" }, []);

        Assert.Equal(matches, selector.Matches(Labels(labels)));
    }

    [Theory]
    [InlineData("In", "team=ledger", true)]
    [InlineData("In", "", false)]
    [InlineData("NotIn", "team=ledger", false)]
    [InlineData("NotIn", "", true)]
    [InlineData("Exists", "team=anything", true)]
    [InlineData("DoesNotExist", "", true)]
    [InlineData("Gt", "team=ledger", false)]
    public void Matches_MatchExpressions_AsApimachineryReadsEachOperator(string op, string labels, bool matches)
    {
        var values = op is "In" or "NotIn" or "Gt" ? new[] { "payments", "ledger" } : [];
        var selector = new KubeLabelSelector(new Dictionary<string, string>(), [new KubeLabelRequirement("team", op, values)]);

        Assert.Equal(matches, selector.Matches(Labels(labels)));
    }

    [Fact]
    public void Matches_EmptySelector_MatchesEveryObject()
    {
        var selector = new KubeLabelSelector(new Dictionary<string, string>(), []);

        Assert.True(selector.Matches(Labels("")));
        Assert.Equal("(empty: every pod)", selector.ToString());
    }

    private static Dictionary<string, string> Labels(string text) =>
        text.Length == 0 ? [] : text.Split(',').Select(l => l.Split('=')).ToDictionary(l => l[0], l => l[1]);
}
