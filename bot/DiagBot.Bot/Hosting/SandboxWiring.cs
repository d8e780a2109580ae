using Amazon.Runtime;
using DiagBot.Sandbox;

namespace DiagBot.Bot.Hosting;

/// <summary>
/// The embedded default: the sandbox starts in-process on a free loopback port and the live clients
/// talk to it over HTTP with signed requests, so the first path a user tries is the path production takes.
/// Public for the bench and the tests, which point DiagBot at a sandbox of their own the same way.
/// </summary>
public static class SandboxWiring
{
    public const string KubernetesCluster = "sandbox-eks";

    public const string ScaleKey = "DiagBot:Sandbox:Scale";
    public const string RateLimitsKey = "DiagBot:Sandbox:RateLimits";

    internal static async Task<(SandboxServer Server, AWSCredentials Credentials)> StartAsync(
        IConfigurationManager configuration, CancellationToken cancellationToken)
    {
        var options = new SandboxOptions { Scale = Scale(configuration[ScaleKey]), EnforceRateLimits = configuration.GetValue<bool>(RateLimitsKey) };
        var server = await SandboxServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        configuration.AddInMemoryCollection(Settings(server));
        return (server, Credentials(server));
    }

    /// <summary>
    /// DiagBot's settings for <paramref name="server"/>: its endpoint, region and accounts, its ECS clusters, its Kubernetes
    /// API and EKS cluster.
    /// </summary>
    public static Dictionary<string, string?> Settings(SandboxServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var settings = new Dictionary<string, string?>
        {
            ["DiagBot:Aws:EndpointUrl"] = server.BaseAddress.ToString(),
            ["DiagBot:Aws:Region"] = server.Options.Region,
            ["DiagBot:Aws:Accounts:0:AccountId"] = server.Options.AccountId,
            ["DiagBot:Aws:Accounts:0:Regions:0"] = server.Options.Region,
            ["DiagBot:Kubernetes:Clusters:0:Name"] = KubernetesCluster,
            ["DiagBot:Kubernetes:Clusters:0:Server"] = server.BaseAddress.ToString(),

            // The cluster's EKS name, so its Fargate profiles and security groups can be read (the sandbox's EKS cluster).
            ["DiagBot:Kubernetes:Clusters:0:Eks:ClusterName"] = SandboxServer.EksClusterName,
            ["DiagBot:Kubernetes:Clusters:0:Eks:Region"] = server.Options.Region,
            ["DiagBot:Kubernetes:Clusters:0:Eks:AccountId"] = server.Options.AccountId,
        };
        var clusterIndex = 0;
        foreach (var cluster in server.Clusters)
        {
            settings[$"DiagBot:Aws:Accounts:0:Clusters:{clusterIndex++}"] = cluster;
        }

        // The large scale's other accounts are configured as a live deployment would: each through a role to assume.
        for (var i = 0; i < server.OtherAccounts.Count; i++)
        {
            var account = server.OtherAccounts[i];
            settings[$"DiagBot:Aws:Accounts:{i + 1}:AccountId"] = account;
            settings[$"DiagBot:Aws:Accounts:{i + 1}:RoleArn"] = $"arn:aws:iam::{account}:role/diagbot-read";
            settings[$"DiagBot:Aws:Accounts:{i + 1}:Regions:0"] = server.Options.Region;
        }

        return settings;
    }

    /// <summary>The sandbox's own access key, which its signature check accepts.</summary>
    public static AWSCredentials Credentials(SandboxServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new BasicAWSCredentials(server.Options.AccessKeyId, server.Options.SecretAccessKey);
    }

    private static SandboxScale Scale(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "small" => SandboxScale.Small,
        "large" => SandboxScale.Large,
        _ => throw new InvalidConfigurationException($"{ScaleKey} is '{value}'; it must be 'small' or 'large'. Set it in appsettings.json or as DiagBot__Sandbox__Scale."),
    };
}
