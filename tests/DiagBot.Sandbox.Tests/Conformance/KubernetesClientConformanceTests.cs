using k8s;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Conformance;

/// <summary>The official C# Kubernetes client (KubernetesClient) reads the sandbox's API as it reads EKS.</summary>
[Collection(SandboxReads.Name)]
public sealed class KubernetesClientConformanceTests(SandboxFixture fixture)
{
    [Fact]
    public async Task ListNamespacedPod_LabelSelector_ParsesContainerStates()
    {
        using var client = Client();

        var pods = await client.CoreV1.ListNamespacedPodAsync("checkout", labelSelector: "app=cart-worker");

        var pod = Assert.Single(pods.Items);
        Assert.Equal("ContainerCreating", pod.Status.ContainerStatuses[0].State.Waiting.Reason);
        Assert.Equal("ip-10-0-96-14.ec2.internal", pod.Spec.NodeName);
    }

    [Fact]
    public async Task ListNamespacedEvent_InvolvedObjectSelector_ParsesWarning()
    {
        using var client = Client();

        var events = await client.CoreV1.ListNamespacedEventAsync("payments",
            fieldSelector: "involvedObject.kind=Pod,involvedObject.name=ledger-api-6c8f7d9b5-q2w8x");

        var warning = Assert.Single(events.Items);
        Assert.Equal("FailedScheduling", warning.Reason);
        Assert.Equal(14, warning.Count);
        Assert.NotNull(warning.LastTimestamp);
    }

    [Fact]
    public async Task ReadDaemonSetAndNodes_AwsNode_ParsesEnvAndAllocatable()
    {
        using var client = Client();

        var awsNode = await client.AppsV1.ReadNamespacedDaemonSetAsync("aws-node", "kube-system");
        var nodes = await client.CoreV1.ListNodeAsync();

        Assert.Equal("false", awsNode.Spec.Template.Spec.Containers[0].Env.Single(e => e.Name == "ENABLE_PREFIX_DELEGATION").Value);
        Assert.Equal(12, nodes.Items.Count); // the landscape's 7, the kubelet-port, exec-format and CNI incidents' and look-alikes' nodes
        Assert.All(nodes.Items, node => Assert.True(node.Status.Allocatable.ContainsKey("memory")));
    }

    [Fact]
    public async Task ReadNamespacedPod_Unknown_ThrowsNotFound()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => client.CoreV1.ReadNamespacedPodAsync("nope", "shop"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.Response.StatusCode);
    }

    private k8s.Kubernetes Client() =>
        new(new KubernetesClientConfiguration { Host = fixture.Server.BaseAddress.ToString().TrimEnd('/'), AccessToken = "any-token-is-accepted" });
}
