using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Network;
using DiagBot.Sandbox;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>The network walk of playbook 1 and the capacity walk of playbook 12, against the sandbox.</summary>
[Collection(SandboxReads.Name)]
public sealed class SandboxNetworkAndCapacityTests(SharedSandbox shared)
{
    private readonly SandboxServer _sandbox = shared.WithoutFaults();

    [Fact]
    public async Task ProvisioningTask_ItsSubnetHasNoFreeAddresses_AndRoutesThroughNat()
    {
        var evidence = SandboxSession.Start(_sandbox);
        var arn = _sandbox.Subject("p01-task-stuck-provisioning");
        var task = (await evidence.Ecs.DescribeTaskAsync(SandboxSession.TaskRef(arn), CancellationToken.None)).Value!;
        var subnetId = task.Attachments.SelectMany(a => a.Details).Single(d => d.Key == "subnetId").Value;
        var where = AwsScope.FromArn(arn);

        var subnet = Assert.Single((await evidence.Network.DescribeSubnetsAsync([subnetId], where, CancellationToken.None)).Value!);
        var tables = await evidence.Network.DescribeRouteTablesAsync(subnet.VpcId!, where, CancellationToken.None);
        var endpoints = await evidence.Network.DescribeVpcEndpointsAsync(subnet.VpcId!, where, CancellationToken.None);

        Assert.Equal(0, subnet.AvailableIpAddressCount);
        var table = RouteTable.EffectiveFor(subnetId, tables.Value!)!;
        Assert.Contains(table.Routes, r => r.DestinationCidrBlock == "0.0.0.0/0" && r.NatGatewayId is not null);
        Assert.True(endpoints.HasValue);
    }

    [Fact]
    public async Task SecurityGroupsOfUnhealthyTargetsService_AdmitOnlyPort80()
    {
        var evidence = SandboxSession.Start(_sandbox);
        var (service, cluster) = _sandbox.ServiceSubject("p06-targets-unhealthy");
        var described = (await evidence.Ecs.DescribeServiceAsync(cluster, service, CancellationToken.None)).Value!;

        var groups = await evidence.Network.DescribeSecurityGroupsAsync(described.NetworkConfiguration!.SecurityGroups, AwsScope.FromArn(described.ServiceArn), CancellationToken.None);

        var ingress = groups.Value!.SelectMany(g => g.Ingress).ToList();
        Assert.Contains(ingress, r => r.AllowsPort(80));
        Assert.DoesNotContain(ingress, r => r.AllowsPort(8080));
    }

    [Fact]
    public async Task StuckDeployment_EventsSayUnableToPlace_AndNoInstanceHasRoom()
    {
        var evidence = SandboxSession.Start(_sandbox);
        var (service, cluster) = _sandbox.ServiceSubject("p12-deploy-stuck");
        var described = (await evidence.Ecs.DescribeServiceAsync(cluster, service, CancellationToken.None)).Value!;
        var running = await evidence.Ecs.ListTasksAsync(new EcsTaskListQuery(cluster) { ServiceName = service }, CancellationToken.None);
        var tasks = await Task.WhenAll(running.Value!.Select(a => evidence.Ecs.DescribeTaskAsync(SandboxSession.TaskRef(a), CancellationToken.None)));
        var instanceArns = tasks.Select(t => t.Value!.ContainerInstanceArn).OfType<string>().Distinct().ToList();

        var instances = await evidence.Ecs.DescribeContainerInstancesAsync(cluster, instanceArns, CancellationToken.None);

        Assert.Equal(100, described.MinimumHealthyPercent);
        Assert.Contains(described.Events, e => e.Message.Contains("unable to place a task", StringComparison.Ordinal));
        Assert.NotEmpty(instances.Value!);
        Assert.All(instances.Value!, i => Assert.True(i.RemainingResources["MEMORY"] < 3072));
    }

    [Fact]
    public async Task AccountWithRole_SandboxStsSession_IsAcceptedForEcs()
    {
        var account = _sandbox.Options.AccountId;
        var evidence = SandboxSession.Start(_sandbox,
            ("DiagBot:Aws:Accounts:0:AccountId", account),
            ("DiagBot:Aws:Accounts:0:RoleArn", $"arn:aws:iam::{account}:role/diagbot-read"));

        var result = await evidence.Ecs.DescribeTaskAsync(SandboxSession.TaskRef(_sandbox.Subject("p07-task-oom")), CancellationToken.None);

        Assert.True(result.HasValue, result.Gap?.ToString());
    }
}
