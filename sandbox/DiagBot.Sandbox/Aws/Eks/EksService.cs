using System.Globalization;
using System.Net;
using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Eks;

/// <summary>
/// Amazon EKS: the cluster and its Fargate profiles, as DiagBot reads them. Unknown clusters and profiles are
/// ResourceNotFoundException (404) with the messages EKS writes, e.g. "No cluster found for name: prod." (EKS API Reference).
/// </summary>
internal sealed class EksService(SandboxWorld world) : IAwsService
{
    private const int MaxResultsLimit = 100;

    public string SigningName => "eks";

    public IAwsProtocol Protocol { get; } = new EksRestProtocol();

    public object Invoke(AwsCall call) => call.Operation switch
    {
        EksRestProtocol.DescribeCluster => new { Cluster = Describe(Cluster(call)) },
        EksRestProtocol.ListFargateProfiles => List(call),
        _ => new { FargateProfile = Describe(Profile(call)) },
    };

    private EksCluster Cluster(AwsCall call)
    {
        var name = JsonRequest.RequiredString(call.Json, "name");
        return world.Eks.Clusters.FirstOrDefault(c => c.Name == name)
            ?? throw new AwsException("ResourceNotFoundException", $"No cluster found for name: {name}.", HttpStatusCode.NotFound);
    }

    private EksFargateProfile Profile(AwsCall call)
    {
        var cluster = Cluster(call);
        var name = JsonRequest.RequiredString(call.Json, "fargateProfileName");
        return world.Eks.FargateProfiles.FirstOrDefault(p => p.ClusterName == cluster.Name && p.Name == name)
            ?? throw new AwsException("ResourceNotFoundException", $"No Fargate Profile found with name: {name}.", HttpStatusCode.NotFound);
    }

    private object List(AwsCall call)
    {
        var cluster = Cluster(call);
        var size = JsonRequest.String(call.Json, "maxResults") is { } text
            ? int.TryParse(text, CultureInfo.InvariantCulture, out var max) && max is >= 1 and <= MaxResultsLimit
                ? max
                : throw new AwsException("InvalidParameterException", $"maxResults must be between 1 and {MaxResultsLimit}")
            : MaxResultsLimit;
        var names = world.Eks.FargateProfiles.Where(p => p.ClusterName == cluster.Name).Select(p => p.Name).ToList();
        var (page, next) = Paging.Page(names, JsonRequest.String(call.Json, "nextToken"), size, "InvalidParameterException");
        return new { FargateProfileNames = page, NextToken = next };
    }

    private object Describe(EksCluster c) => new
    {
        c.Name,
        Arn = $"arn:aws:eks:{world.Options.Region}:{world.Options.AccountId}:cluster/{c.Name}",
        CreatedAt = c.CreatedAt,
        c.Version,
        c.Endpoint,
        RoleArn = $"arn:aws:iam::{world.Options.AccountId}:role/{c.Name}-cluster",
        ResourcesVpcConfig = new
        {
            c.SubnetIds,
            c.SecurityGroupIds,
            c.ClusterSecurityGroupId,
            c.VpcId,
            EndpointPublicAccess = false,
            EndpointPrivateAccess = true,
        },
        KubernetesNetworkConfig = new { ServiceIpv4Cidr = "172.20.0.0/16", IpFamily = "ipv4" },
        c.Status,
        CertificateAuthority = new { Data = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==" },
        PlatformVersion = "eks.20",
        AccessConfig = new { AuthenticationMode = "API_AND_CONFIG_MAP" },
    };

    private object Describe(EksFargateProfile p) => new
    {
        FargateProfileName = p.Name,
        FargateProfileArn = $"arn:aws:eks:{world.Options.Region}:{world.Options.AccountId}:fargateprofile/{p.ClusterName}/{p.Name}/{Hex(p.Name)}",
        p.ClusterName,
        CreatedAt = p.CreatedAt,
        p.PodExecutionRoleArn,
        p.Subnets,
        Selectors = p.Selectors.Select(s => new { s.Namespace, s.Labels }),
        p.Status,
        Tags = new Dictionary<string, string>(),
    };

    private static string Hex(string seed) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)))[..8] + "-0000-0000-0000-000000000000";
}
