using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Conformance;

/// <summary>
/// kubectl reads the SecurityGroupPolicies seeded beside the pods with security groups of their own as it reads the VPC resource
/// controller's CRD in a real cluster: found through discovery by plural and short name, printed with the CRD's column.
/// </summary>
[Trait("Tier", "External")]
public sealed class KubectlSecurityGroupPolicyTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("diagbot-kubectl-sgp-").FullName;

    [Fact]
    public async Task GetSecurityGroupPolicies_Namespace_PrintsEachPolicyWithItsGroupIds()
    {
        var result = await Kubectl.RunAsync(fixture.Server, _home, "get", "securitygrouppolicies", "-n", "payments");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(@"NAME\s+SECURITY-GROUP-IDS\n", result.Output);
        Assert.Matches(@"ledger-api-sgp\s+\[""sg-[0-9a-f]{17}""\]\n", result.Output);
    }

    [Fact]
    public async Task GetSgp_OneByName_ShowsItsPodSelectorAndGroups()
    {
        var result = await Kubectl.RunAsync(fixture.Server, _home, "get", "sgp", "coupon-api-sgp", "-n", "checkout",
            "-o", "jsonpath={.spec.podSelector.matchLabels.app} {.spec.securityGroups.groupIds[0]}");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(@"^coupon-api sg-[0-9a-f]{17}$", result.Output);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
