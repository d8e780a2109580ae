using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Ecs;

/// <summary>How a task's ENI could reach AWS's APIs: what was read about its subnet, route table, endpoints and public IP.</summary>
internal sealed record TaskNetworkPath
{
    public const string DefaultRoute = "0.0.0.0/0";

    public string? SubnetId { get; init; }
    public string? VpcId { get; init; }
    public Subnet? Subnet { get; init; }
    public RouteTable? RouteTable { get; init; }

    /// <summary>The VPC's endpoints; null when they could not be read.</summary>
    public IReadOnlyList<VpcEndpoint>? Endpoints { get; init; }

    /// <summary>The service's awsvpcConfiguration; null for a task run outside a service or when it could not be read.</summary>
    public EcsAwsVpcConfiguration? ServiceNetwork { get; init; }
    public string? ServiceName { get; init; }
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
    public IReadOnlyList<EvidenceGap> Missing { get; init; } = [];

    public Route? DefaultRouteEntry => RouteTable?.Routes.FirstOrDefault(r => r.DestinationCidrBlock == DefaultRoute && r.State is null or "active");

    public bool? AssignPublicIp => ServiceNetwork?.AssignPublicIp is { } value ? string.Equals(value, "ENABLED", StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>
    /// Whether the task can reach the given AWS services (endpoint suffixes such as "ecr.api"; "s3" means the
    /// S3 gateway endpoint on the subnet's route table), and which endpoints are missing if it cannot.
    /// </summary>
    public NetworkAssessment Assess(IReadOnlyList<string> services)
    {
        if (RouteTable is null)
        {
            return new NetworkAssessment(PathStatus.Unknown, []);
        }

        var route = DefaultRouteEntry;
        if (route is not null && !IsInternetGateway(route))
        {
            // A NAT gateway, NAT instance, transit gateway or peering: egress exists, the rest is beyond what we read.
            return new NetworkAssessment(PathStatus.Reachable, []);
        }

        if (route is not null && AssignPublicIp == true)
        {
            return new NetworkAssessment(PathStatus.Reachable, []);
        }

        if (Endpoints is null)
        {
            return new NetworkAssessment(route is null ? PathStatus.NoRouteEndpointsUnknown : PathStatus.Unknown, []);
        }

        var missing = services.Where(service => !HasEndpoint(service)).ToList();
        if (missing.Count == 0)
        {
            return new NetworkAssessment(PathStatus.Reachable, []);
        }

        // Only an internet gateway is left: it serves the task only with a public IP.
        var status = route is null ? PathStatus.NoRoute : AssignPublicIp == false ? PathStatus.PublicIpDisabled : PathStatus.Unknown;
        return new NetworkAssessment(status, missing);
    }

    public bool HasEndpoint(string service)
    {
        var suffix = "." + service;
        return service == "s3"
            ? Endpoints?.Any(e => e.ServiceName.EndsWith(suffix, StringComparison.Ordinal) && IsGateway(e) && RouteTable is { } table && e.RouteTableIds.Contains(table.RouteTableId)) == true
            : Endpoints?.Any(e => e.ServiceName.EndsWith(suffix, StringComparison.Ordinal) && !IsGateway(e) && e.PrivateDnsEnabled != false && IsAvailable(e)) == true;
    }

    public static string Describe(Route? route) => route switch
    {
        null => "(no 0.0.0.0/0 route)",
        { NatGatewayId: { } nat } => $"0.0.0.0/0 -> {nat}",
        { GatewayId: { } gateway } => $"0.0.0.0/0 -> {gateway}",
        _ => $"0.0.0.0/0 -> {route.TransitGatewayId ?? route.NetworkInterfaceId ?? route.VpcPeeringConnectionId ?? "(other target)"}",
    };

    private static bool IsInternetGateway(Route route) => route.GatewayId?.StartsWith("igw-", StringComparison.Ordinal) == true;

    // Without private DNS the agent still resolves the public name, so the endpoint is not on its path.
    private static bool IsAvailable(VpcEndpoint endpoint) => endpoint.State is null || string.Equals(endpoint.State, "available", StringComparison.OrdinalIgnoreCase);

    private static bool IsGateway(VpcEndpoint endpoint) => string.Equals(endpoint.VpcEndpointType, "Gateway", StringComparison.OrdinalIgnoreCase);
}

internal enum PathStatus
{
    Unknown,
    Reachable,
    NoRoute,
    NoRouteEndpointsUnknown,
    PublicIpDisabled,
}

/// <summary>The verdict on the network path, with the endpoint suffixes that would be needed without egress.</summary>
internal sealed record NetworkAssessment(PathStatus Status, IReadOnlyList<string> MissingEndpoints)
{
    public bool IsBroken => Status is PathStatus.NoRoute or PathStatus.PublicIpDisabled;
}
