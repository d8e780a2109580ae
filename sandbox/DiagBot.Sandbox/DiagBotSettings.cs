namespace DiagBot.Sandbox;

/// <summary>
/// DiagBot's settings for a sandbox: its endpoint, region and accounts, its ECS clusters, its Kubernetes API and EKS
/// cluster. One home for the bot's embedded sandbox, the bench and the tests, which point DiagBot at a sandbox of their
/// own the same way. The keys are DiagBot's documented settings (docs/configuration/settings.md); no type is shared
/// with diagnostics, so the sandbox stays apart.
/// </summary>
public static class DiagBotSettings
{
    /// <summary>The name DiagBot's configuration gives the sandbox's Kubernetes cluster.</summary>
    public const string KubernetesCluster = "sandbox-eks";

    public static Dictionary<string, string?> For(SandboxServer server)
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
}
