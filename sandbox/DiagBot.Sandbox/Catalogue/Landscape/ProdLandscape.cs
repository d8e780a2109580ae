using DiagBot.Sandbox.Aws.Ec2;
using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Landscape;

/// <summary>
/// The shared ground every scenario stands on: the `prod` cluster and a well-built VPC (private subnets behind a NAT
/// gateway, public subnets for the load balancer, an S3 gateway endpoint), so only what an incident adds is wrong.
/// </summary>
internal static class ProdLandscape
{
    public const string ClusterName = "prod";
    public const string PublicLoadBalancerName = "prod-public";

    public static string VpcId => SeedContext.AwsId("vpc", "prod");

    public static string PrivateSubnetA => SeedContext.AwsId("subnet", "prod-private-a");

    public static string PrivateSubnetB => SeedContext.AwsId("subnet", "prod-private-b");

    public static string AlbSecurityGroup => SeedContext.AwsId("sg", "prod-alb");

    public static string AppSecurityGroup => SeedContext.AwsId("sg", "prod-app");

    public static EcsCluster Cluster(SeedContext context) => context.World.Ecs.FindCluster(ClusterName)!;

    public static ElbLoadBalancer PublicLoadBalancer(SeedContext context) => context.World.Elb.LoadBalancers.First(lb => lb.LoadBalancerName == PublicLoadBalancerName);

    public static void Seed(SeedContext context)
    {
        EcsSeeds.Cluster(context, ClusterName);
        var privateA = NetworkSeeds.Subnet(context, "prod-private-a", VpcId, "10.0.0.0/19", context.Zone('a'), 7_912);
        var privateB = NetworkSeeds.Subnet(context, "prod-private-b", VpcId, "10.0.32.0/19", context.Zone('b'), 7_938);
        var publicA = NetworkSeeds.Subnet(context, "prod-public-a", VpcId, "10.0.128.0/24", context.Zone('a'), 241, isPublic: true);
        var publicB = NetworkSeeds.Subnet(context, "prod-public-b", VpcId, "10.0.129.0/24", context.Zone('b'), 243, isPublic: true);

        var nat = SeedContext.AwsId("nat", "prod-a");
        var privateRoutes = NetworkSeeds.RouteTable(context, "prod-private", VpcId, [privateA.SubnetId, privateB.SubnetId],
            new Ec2Route("0.0.0.0/0", NatGatewayId: nat),
            new Ec2Route("pl-63a5400a", GatewayId: SeedContext.AwsId("vpce", VpcId + "s3"), DestinationPrefixListId: "pl-63a5400a"));
        NetworkSeeds.RouteTable(context, "prod-public", VpcId, [publicA.SubnetId, publicB.SubnetId], new Ec2Route("0.0.0.0/0", GatewayId: SeedContext.AwsId("igw", "prod")));
        context.World.Ec2.RouteTables.Add(new Ec2RouteTable(SeedContext.AwsId("rtb", "prod-main"), VpcId, [new Ec2Route("10.0.0.0/16", GatewayId: "local")], [], Main: true));
        NetworkSeeds.Endpoint(context, VpcId, "s3", "Gateway", [], [privateRoutes.RouteTableId], []);

        var alb = NetworkSeeds.SecurityGroup(context, "prod-alb", VpcId, NetworkSeeds.Tcp(443, fromCidr: "0.0.0.0/0"), NetworkSeeds.Tcp(80, fromCidr: "0.0.0.0/0"));
        NetworkSeeds.SecurityGroup(context, "prod-app", VpcId, NetworkSeeds.Tcp(8080, fromGroupId: alb.GroupId));
        NetworkSeeds.LoadBalancer(context, PublicLoadBalancerName, VpcId, [publicA, publicB], alb.GroupId);
    }
}
