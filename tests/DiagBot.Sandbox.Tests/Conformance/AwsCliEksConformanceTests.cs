using System.Text.Json;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Conformance;

/// <summary>
/// Runs the official AWS CLI (botocore's EKS and EC2 models) against the sandbox: the reads an EKS diagnosis makes and
/// the confirm commands it prints must parse as the CLI parses real AWS.
/// </summary>
[Trait("Tier", "External")]
[Collection(SandboxReads.Name)]
public sealed class AwsCliEksConformanceTests(SandboxFixture fixture) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("diagbot-awscli-").FullName;

    [Fact]
    public async Task EksDescribeCluster_ParsesTheClusterSecurityGroup()
    {
        var result = await AwsAsync("eks", "describe-cluster", "--name", "prod-eks");

        Assert.True(result.ExitCode == 0, result.Describe());
        var vpc = JsonDocument.Parse(result.Output).RootElement.GetProperty("cluster").GetProperty("resourcesVpcConfig");
        Assert.StartsWith("sg-", vpc.GetProperty("clusterSecurityGroupId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EksListFargateProfiles_ThenDescribe_ReadsSelectors()
    {
        var list = await AwsAsync("eks", "list-fargate-profiles", "--cluster-name", "prod-eks");
        var described = await AwsAsync("eks", "describe-fargate-profile", "--cluster-name", "prod-eks", "--fargate-profile-name", "fp-reports");

        Assert.True(list.ExitCode == 0, list.Describe());
        Assert.Contains("fp-reports", JsonDocument.Parse(list.Output).RootElement.GetProperty("fargateProfileNames").EnumerateArray().Select(n => n.GetString()));
        Assert.True(described.ExitCode == 0, described.Describe());
        Assert.Equal("reports", JsonDocument.Parse(described.Output).RootElement.GetProperty("fargateProfile").GetProperty("selectors")[0].GetProperty("namespace").GetString());
    }

    [Fact]
    public async Task EksDescribeFargateProfile_Unknown_PrintsResourceNotFound()
    {
        var result = await AwsAsync("eks", "describe-fargate-profile", "--cluster-name", "prod-eks", "--fargate-profile-name", "fp-nope");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ResourceNotFoundException", result.Error, StringComparison.Ordinal);
        Assert.Contains("No Fargate Profile found with name: fp-nope.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ec2DescribeInstances_NodeInstance_ParsesLifecycleAndGroups()
    {
        var result = await AwsAsync("ec2", "describe-instances", "--instance-ids", "i-0a3f9c2b7d41e5a01");

        Assert.True(result.ExitCode == 0, result.Describe());
        var instance = JsonDocument.Parse(result.Output).RootElement.GetProperty("Reservations")[0].GetProperty("Instances")[0];
        Assert.Equal(("10.0.4.21", "x86_64"), (instance.GetProperty("PrivateIpAddress").GetString(), instance.GetProperty("Architecture").GetString()));
        Assert.NotEmpty(instance.GetProperty("SecurityGroups").EnumerateArray());
    }

    [Fact]
    public async Task Ec2DescribeNetworkInterfaces_PodBranchInterface_ParsesTypeGroupsAndTrunk()
    {
        var result = await AwsAsync("ec2", "describe-network-interfaces", "--filters", "Name=interface-type,Values=branch",
            "Name=addresses.private-ip-address,Values=10.0.6.142");

        Assert.True(result.ExitCode == 0, result.Describe());
        var branch = Assert.Single(JsonDocument.Parse(result.Output).RootElement.GetProperty("NetworkInterfaces").EnumerateArray());
        Assert.Equal(("branch", "aws-k8s-branch-eni"),
            (branch.GetProperty("InterfaceType").GetString(), branch.GetProperty("Description").GetString()));
        Assert.Equal("ledger-api-pods", Assert.Single(branch.GetProperty("Groups").EnumerateArray()).GetProperty("GroupName").GetString());
        var trunk = branch.GetProperty("TagSet").EnumerateArray().Single(t => t.GetProperty("Key").GetString() == "vpcresources.k8s.aws/trunk-eni-id");
        var trunks = await AwsAsync("ec2", "describe-network-interfaces", "--network-interface-ids", trunk.GetProperty("Value").GetString()!);
        Assert.True(trunks.ExitCode == 0, trunks.Describe());
        var attached = JsonDocument.Parse(trunks.Output).RootElement.GetProperty("NetworkInterfaces")[0];
        Assert.Equal(("trunk", "i-0a3f9c2b7d41e5a01"), (attached.GetProperty("InterfaceType").GetString(),
            attached.GetProperty("Attachment").GetProperty("InstanceId").GetString()));
    }

    [Fact]
    public async Task Ec2DescribeNetworkInterfaces_IdsWithAPageSize_PrintsEc2sInvalidParameterCombination()
    {
        var branches = await AwsAsync("ec2", "describe-network-interfaces", "--filters", "Name=interface-type,Values=branch");
        var id = JsonDocument.Parse(branches.Output).RootElement.GetProperty("NetworkInterfaces")[0].GetProperty("NetworkInterfaceId").GetString()!;

        // --page-size sends MaxResults beside NetworkInterfaceId.N, which EC2 refuses (cilium/cilium#39106).
        var result = await AwsAsync("ec2", "describe-network-interfaces", "--network-interface-ids", id, "--page-size", "5");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("An error occurred (InvalidParameterCombination) when calling the DescribeNetworkInterfaces operation: "
            + "The parameter NetworkInterfaceIds cannot be used with the parameter MaxResults", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private async Task<ProcessResult> AwsAsync(params string[] arguments)
    {
        var aws = ProcessRunner.OnPath("aws") ?? throw new InvalidOperationException("the AWS CLI is not on PATH; these tests run the official CLI against the sandbox.");
        var server = fixture.Server;
        return await ProcessRunner.RunAsync(aws, [.. arguments, "--endpoint-url", server.BaseAddress.ToString().TrimEnd('/'), "--output", "json"],
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = server.Options.AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = server.Options.SecretAccessKey,
                ["AWS_DEFAULT_REGION"] = server.Options.Region,
                ["AWS_CONFIG_FILE"] = Path.Combine(_home, "config"),
                ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_home, "credentials"),
                ["HOME"] = _home,
            }, _home, TimeSpan.FromMinutes(2));
    }
}
