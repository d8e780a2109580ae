namespace DiagBot.Sandbox.Aws.Ec2;

internal sealed class Ec2State
{
    public List<Ec2Subnet> Subnets { get; } = [];

    public List<Ec2RouteTable> RouteTables { get; } = [];

    public List<Ec2VpcEndpoint> VpcEndpoints { get; } = [];

    public List<Ec2SecurityGroup> SecurityGroups { get; } = [];

    public List<Ec2Instance> Instances { get; } = [];

    /// <summary>Interfaces seeded outright (trunk and branch ones); awsvpc tasks' are derived from the tasks.</summary>
    public List<Ec2NetworkInterface> NetworkInterfaces { get; } = [];
}
