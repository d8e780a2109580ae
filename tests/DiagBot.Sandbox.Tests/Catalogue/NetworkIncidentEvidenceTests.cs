using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Catalogue;

/// <summary>The load-balancer and Kubernetes incidents carry their deciding evidence.</summary>
[Collection(SandboxReads.Name)]
public sealed class NetworkIncidentEvidenceTests(SandboxFixture fixture)
{
    private SandboxProbe Probe => new(fixture.Server);

    [Fact]
    public async Task Alb503_TargetGroup_IsInstanceTypeWithNoTargets()
    {
        var service = await Probe.ServiceAsync("prod", "storefront");
        var targetGroupArn = service.GetProperty("loadBalancers")[0].GetProperty("targetGroupArn").GetString()!;
        var groups = await Probe.ElbAsync("DescribeTargetGroups", ("TargetGroupArns.member.1", targetGroupArn));
        var health = await Probe.ElbAsync("DescribeTargetHealth", ("TargetGroupArn", targetGroupArn));

        Assert.Equal("instance", SandboxProbe.Values(groups, "TargetType").Single());
        Assert.Empty(SandboxProbe.Values(health, "Target"));
    }

    [Fact]
    public async Task UnhealthyTargets_TaskSecurityGroup_AdmitsTheWrongPort()
    {
        var service = await Probe.ServiceAsync("prod", "catalog-api");
        var groupId = service.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration").GetProperty("securityGroups")[0].GetString()!;
        var groups = await Probe.Ec2Async("DescribeSecurityGroups", ("GroupId.1", groupId));

        Assert.Equal(8080, service.GetProperty("loadBalancers")[0].GetProperty("containerPort").GetInt32());
        Assert.Equal(["80"], SandboxProbe.Values(groups.Descendants().First(e => e.Name.LocalName == "ipPermissions"), "fromPort"));
    }

    [Fact]
    public async Task Alb504_IdleTimeout_IsShorterThanTheSlowRequests()
    {
        var lbs = await Probe.ElbAsync("DescribeLoadBalancers", ("Names.member.1", "prod-internal"));
        var attributes = await Probe.ElbAsync("DescribeLoadBalancerAttributes", ("LoadBalancerArn", SandboxProbe.Values(lbs, "LoadBalancerArn").Single()));
        var keys = SandboxProbe.Values(attributes, "Key").ToList();
        var values = SandboxProbe.Values(attributes, "Value").ToList();

        Assert.Equal("60", values[keys.IndexOf("idle_timeout.timeout_seconds")]);
    }

    [Fact]
    public async Task PodPending_Events_SayInsufficientMemory()
    {
        var events = await Probe.KubeAsync("api/v1/namespaces/payments/events?fieldSelector=involvedObject.name%3Dledger-api-6c8f7d9b5-q2w8x");

        var failed = events.GetProperty("items")[0];
        Assert.Equal("FailedScheduling", failed.GetProperty("reason").GetString());
        Assert.Contains("Insufficient memory", failed.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ContainerCreating_NodeSubnetAndAwsNode_ExplainTheMissingIp()
    {
        var pod = await Probe.KubeAsync("api/v1/namespaces/checkout/pods/cart-worker-5b7c9d8f6-h4k2m");
        var node = await Probe.KubeAsync($"api/v1/nodes/{pod.GetProperty("spec").GetProperty("nodeName").GetString()}");
        var ip = node.GetProperty("status").GetProperty("addresses")[0].GetProperty("address").GetString()!;
        var subnets = await Probe.Ec2Async("DescribeSubnets", ("Filter.1.Name", "cidr-block"), ("Filter.1.Value.1", string.Join('.', ip.Split('.')[..3]) + ".0/24"));
        var awsNode = await Probe.KubeAsync("apis/apps/v1/namespaces/kube-system/daemonsets/aws-node");

        Assert.Equal("0", SandboxProbe.Values(subnets, "availableIpAddressCount").Single());
        var env = awsNode.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0].GetProperty("env");
        Assert.Contains(env.EnumerateArray(), e => e.GetProperty("name").GetString() == "ENABLE_PREFIX_DELEGATION" && e.GetProperty("value").GetString() == "false");
    }

    [Fact]
    public async Task PodJustScheduled_Events_HaveNoWarnings()
    {
        var events = await Probe.KubeAsync("api/v1/namespaces/shop/events?fieldSelector=involvedObject.name%3Dweb-6d4b8c7f9-x9v5t,type%3DWarning");

        Assert.Equal(0, events.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AwsNode_DaemonSetStatus_CountsOnePodPerNodeAsItsControllerWould()
    {
        var nodes = (await Probe.KubeAsync("api/v1/nodes")).GetProperty("items").EnumerateArray()
            .Select(n => n.GetProperty("metadata").GetProperty("name").GetString()).ToList();
        var pods = (await Probe.KubeAsync("api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Daws-node"))
            .GetProperty("items").EnumerateArray().ToList();
        var status = (await Probe.KubeAsync("apis/apps/v1/namespaces/kube-system/daemonsets/aws-node")).GetProperty("status");
        var ready = pods.Count(p => p.GetProperty("status").GetProperty("conditions").EnumerateArray()
            .Any(c => c.GetProperty("type").GetString() == "Ready" && c.GetProperty("status").GetString() == "True"));

        Assert.Equal(nodes.Order(), pods.Select(p => p.GetProperty("spec").GetProperty("nodeName").GetString()).Order());
        Assert.Equal(nodes.Count, status.GetProperty("desiredNumberScheduled").GetInt32());
        Assert.Equal(ready, status.GetProperty("numberReady").GetInt32());
        Assert.Equal(nodes.Count - ready, status.GetProperty("numberUnavailable").GetInt32());
        Assert.InRange(ready, 1, nodes.Count - 1);
    }
}
