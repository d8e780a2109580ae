using DiagBot.Sandbox.Aws.Ec2;
using DiagBot.Sandbox.Aws.Elb;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>Builders for VPC resources and load balancers, with ids derived from names so they are stable across runs.</summary>
internal static class NetworkSeeds
{
    public static Ec2Subnet Subnet(SeedContext context, string name, string vpcId, string cidr, string zone, int freeIps, bool isPublic = false)
    {
        var subnet = new Ec2Subnet(SeedContext.AwsId("subnet", name), vpcId, cidr, zone, freeIps, isPublic, name);
        context.World.Ec2.Subnets.Add(subnet);
        return subnet;
    }

    public static Ec2RouteTable RouteTable(SeedContext context, string name, string vpcId, IEnumerable<string> subnetIds, params Ec2Route[] routes)
    {
        var table = new Ec2RouteTable(SeedContext.AwsId("rtb", name), vpcId, [new Ec2Route("10.0.0.0/16", GatewayId: "local"), .. routes], [.. subnetIds], Name: name);
        context.World.Ec2.RouteTables.Add(table);
        return table;
    }

    public static Ec2SecurityGroup SecurityGroup(SeedContext context, string name, string vpcId, params Ec2Permission[] ingress)
    {
        var group = new Ec2SecurityGroup(SeedContext.AwsId("sg", name), name, $"{name} security group", vpcId, ingress,
            [new Ec2Permission("-1", 0, 0, ["0.0.0.0/0"], [])]);
        context.World.Ec2.SecurityGroups.Add(group);
        return group;
    }

    public static Ec2Permission Tcp(int port, string? fromGroupId = null, string? fromCidr = null) =>
        new("tcp", port, port, fromCidr is null ? [] : [fromCidr], fromGroupId is null ? [] : [fromGroupId]);

    public static Ec2VpcEndpoint Endpoint(SeedContext context, string vpcId, string service, string type, IEnumerable<string> subnetIds, IEnumerable<string> routeTableIds, IEnumerable<string> groupIds)
    {
        var endpoint = new Ec2VpcEndpoint(SeedContext.AwsId("vpce", vpcId + service), vpcId, $"com.amazonaws.{context.Options.Region}.{service}", type,
            [.. subnetIds], [.. routeTableIds], [.. groupIds], context.Ago(60 * 24 * 200));
        context.World.Ec2.VpcEndpoints.Add(endpoint);
        return endpoint;
    }

    public static ElbLoadBalancer LoadBalancer(SeedContext context, string name, string vpcId, IEnumerable<Ec2Subnet> subnets, string securityGroupId, int idleTimeoutSeconds = 60, string scheme = "internet-facing")
    {
        var id = SeedContext.Hex("alb/" + name, 16);
        var lb = new ElbLoadBalancer(
            $"arn:aws:elasticloadbalancing:{context.Options.Region}:{context.Options.AccountId}:loadbalancer/app/{name}/{id}",
            name, $"{name}-{Convert.ToInt64(id[..8], 16)}.{context.Options.Region}.elb.amazonaws.com", vpcId,
            [.. subnets.Select(s => (s.AvailabilityZone, s.SubnetId))], [securityGroupId], context.Ago(60 * 24 * 400), idleTimeoutSeconds, scheme);
        context.World.Elb.Add(lb);
        ListenerSeeds.Listeners(context, lb);
        return lb;
    }

    public static string TargetGroupArn(SeedContext context, string name) =>
        $"arn:aws:elasticloadbalancing:{context.Options.Region}:{context.Options.AccountId}:targetgroup/{name}/{SeedContext.Hex("tg/" + name, 16)}";

    /// <summary>A group is attached to a load balancer the way a person attaches it: a listener rule that forwards to it.</summary>
    public static ElbTargetGroup TargetGroup(SeedContext context, ElbTargetGroup targetGroup)
    {
        context.World.Elb.Add(targetGroup);
        foreach (var lb in targetGroup.LoadBalancerArns)
        {
            ListenerSeeds.ForwardRule(context, lb, targetGroup);
        }

        return targetGroup;
    }
}
