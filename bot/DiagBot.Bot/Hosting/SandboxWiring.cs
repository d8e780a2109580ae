using Amazon.Runtime;
using DiagBot.Sandbox;

namespace DiagBot.Bot.Hosting;

/// <summary>
/// The embedded default: the sandbox starts in-process on a free loopback port and the live clients
/// talk to it over HTTP with signed requests, so the first path a user tries is the path production takes.
/// </summary>
internal static class SandboxWiring
{
    public const string KubernetesCluster = "sandbox-eks";

    public static async Task<(SandboxServer Server, AWSCredentials Credentials)> StartAsync(IConfigurationBuilder configuration, CancellationToken cancellationToken)
    {
        var server = await SandboxServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var settings = new Dictionary<string, string?>
        {
            ["DiagBot:Aws:EndpointUrl"] = server.BaseAddress.ToString(),
            ["DiagBot:Aws:Region"] = server.Options.Region,
            ["DiagBot:Aws:Accounts:0:AccountId"] = server.Options.AccountId,
            ["DiagBot:Aws:Accounts:0:Regions:0"] = server.Options.Region,
            ["DiagBot:Kubernetes:Clusters:0:Name"] = KubernetesCluster,
            ["DiagBot:Kubernetes:Clusters:0:Server"] = server.BaseAddress.ToString(),
        };
        var clusterIndex = 0;
        foreach (var cluster in server.Clusters)
        {
            settings[$"DiagBot:Aws:Accounts:0:Clusters:{clusterIndex++}"] = cluster;
        }

        configuration.AddInMemoryCollection(settings);
        return (server, new BasicAWSCredentials(server.Options.AccessKeyId, server.Options.SecretAccessKey));
    }
}
