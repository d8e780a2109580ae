using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Which SecurityGroupPolicies gave a pod its groups, decided as the VPC resource controller's filterPodSecurityGroups decides.</summary>
public sealed class PodSecurityGroupPoliciesTests
{
    private const string Group = "sg-0ledgerpods00000001";

    private static readonly KubePod Pod = new()
    {
        Namespace = "payments",
        Name = "ledger-api-6c8f7b9d4-x7q2p",
        Labels = new Dictionary<string, string> { ["app"] = "ledger-api" },
        ServiceAccountName = "ledger",
    };

    [Fact]
    public void Of_PodSelectorMatching_NamesThePolicyAndItsSelector()
    {
        var policies = PodSecurityGroupPolicies.Of([Policy("ledger-api", pod: "ledger-api"), Policy("web", pod: "web")], Pod);

        Assert.Equal("ledger-api", policies.Single?.Name);
        Assert.Equal("assigned by SecurityGroupPolicy payments/ledger-api, whose podSelector app=ledger-api selects pod payments/ledger-api-6c8f7b9d4-x7q2p",
            policies.Naming(Pod, Group));
    }

    [Fact]
    public void Of_ServiceAccountSelector_IsNamedAsApplyingOnlyIfTheAccountsLabelsMatch()
    {
        var policies = PodSecurityGroupPolicies.Of([Policy("by-account", account: "payments")], Pod);

        Assert.Empty(policies.Selecting);
        Assert.Equal("by-account", policies.Single?.Name);
        Assert.Equal("assigned by SecurityGroupPolicy payments/by-account if service account ledger's labels match its serviceAccountSelector team=payments",
            policies.Naming(Pod, Group));
    }

    [Fact]
    public void Of_BothSelectorsWhereThePodsDoesNotMatch_DoesNotApply()
    {
        // Every selector a policy has must match: a pod selector that fails rules the policy out whatever the account's labels are.
        var policies = PodSecurityGroupPolicies.Of([Policy("both", pod: "web", account: "payments")], Pod);

        Assert.Null(policies.Single);
        Assert.StartsWith("though no SecurityGroupPolicy of namespace payments gives pod payments/ledger-api-6c8f7b9d4-x7q2p that group now",
            policies.Naming(Pod, Group), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_NoGroupsOrNoSelector_IsIgnoredAsTheControllerIgnoresAnInvalidPolicy()
    {
        var policies = PodSecurityGroupPolicies.Of([Policy("no-groups", pod: "ledger-api") with { GroupIds = [] }, Policy("no-selector")], Pod);

        Assert.Null(policies.Single);
        Assert.Equal(("SecurityGroupPolicies of namespace payments selecting pod payments/ledger-api-6c8f7b9d4-x7q2p", "(none of 2)"),
            (Assert.Single(policies.Evidence(Pod)).Fact, policies.Evidence(Pod).Single().Value));
    }

    [Fact]
    public void Naming_TwoPoliciesOnlyOneGivingTheGroup_NamesTheOneThatGivesIt()
    {
        var other = Policy("baseline", pod: "ledger-api") with { GroupIds = ["sg-0baseline000000001"] };

        var policies = PodSecurityGroupPolicies.Of([other, Policy("ledger-api", pod: "ledger-api")], Pod);

        Assert.Null(policies.Single);
        Assert.StartsWith("assigned by SecurityGroupPolicy payments/ledger-api,", policies.Naming(Pod, Group), StringComparison.Ordinal);
    }

    private static KubeSecurityGroupPolicy Policy(string name, string? pod = null, string? account = null) => new()
    {
        Namespace = "payments",
        Name = name,
        PodSelector = pod is null ? null : new KubeLabelSelector(new Dictionary<string, string> { ["app"] = pod }, []),
        ServiceAccountSelector = account is null ? null : new KubeLabelSelector(new Dictionary<string, string> { ["team"] = account }, []),
        GroupIds = [Group],
    };
}
