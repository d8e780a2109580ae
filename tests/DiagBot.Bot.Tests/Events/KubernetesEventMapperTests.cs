using DiagBot.Bot.Events;
using DiagBot.Bot.Incidents;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Bot.Tests.Events;

public sealed class KubernetesEventMapperTests
{
    [Theory]
    [InlineData("Pod", "ledger-api-6c8f7d9b5-q2w8x", "ledger-api")]
    [InlineData("Pod", "web-7f9c6d5b8-k7p2n", "web")]
    [InlineData("Pod", "kafka-2", "kafka")]
    [InlineData("Pod", "fluent-bit-x7k2p", "fluent-bit")]
    [InlineData("Pod", "standalone", "standalone")]
    [InlineData("ReplicaSet", "web-7f9c6d5b8", "web")]
    [InlineData("Deployment", "web", "web")]
    [InlineData("Node", "ip-10-0-4-21.ec2.internal", "node/ip-10-0-4-21.ec2.internal")]
    public void Workload_FromTheInvolvedObjectsName(string kind, string name, string workload) =>
        Assert.Equal(workload, KubernetesEventMapper.Workload(kind, name));

    [Fact]
    public void Map_BackOffOfADeploymentPod_GroupsUnderNamespaceAndDeploymentAndDiagnosesThePod()
    {
        var mapped = KubernetesEventMapper.Map("prod-eks", Warning("BackOff", "ledger-api-6c8f7d9b5-q2w8x", count: 3))!.Value;

        Assert.Equal("k8s:prod-eks:uid-1:3", mapped.EventId);
        Assert.Equal("payments/ledger-api", mapped.Occurrence.Scope);
        Assert.Equal(IncidentOccurrence.WorkloadKind, mapped.Occurrence.ScopeKind);
        Assert.Equal("prod-eks", mapped.Occurrence.Cluster);
        Assert.Equal("payments/ledger-api-6c8f7d9b5-q2w8x", mapped.Occurrence.Subject.Pod);
        Assert.StartsWith("BackOff: Back-off restarting", mapped.Occurrence.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_TwoPodsOfOneDeployment_ShareTheIncidentKey()
    {
        var first = KubernetesEventMapper.Map("c", Warning("BackOff", "web-7f9c6d5b8-k7p2n"))!.Value.Occurrence.KeyFor("crash-loop");
        var second = KubernetesEventMapper.Map("c", Warning("BackOff", "web-7f9c6d5b8-z9x8w") with { Uid = "uid-2" })!.Value.Occurrence.KeyFor("crash-loop");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Map_NodeOomKilling_GroupsUnderTheNodeAndDiagnosesTheSymptom()
    {
        var warning = Warning("OOMKilling", "ip-10-0-4-21.ec2.internal") with
        {
            Namespace = "default",
            InvolvedKind = "Node",
            Message = "Memory cgroup out of memory: Killed process 4321 (java) total-vm:4194304kB",
        };

        var occurrence = KubernetesEventMapper.Map("prod-eks", warning)!.Value.Occurrence;

        Assert.Equal("default/node/ip-10-0-4-21.ec2.internal", occurrence.Scope);
        Assert.Null(occurrence.Subject.Pod);
        Assert.Equal("OOMKilling: Memory cgroup out of memory: Killed process 4321 (java) total-vm:4194304kB", occurrence.Subject.Symptom);
    }

    [Theory]
    [InlineData("FailedMount")]
    [InlineData("Pulled")]
    [InlineData(null)]
    public void Map_ReasonNotWatched_IsNull(string? reason) =>
        Assert.Null(KubernetesEventMapper.Map("c", Warning(reason, "web-7f9c6d5b8-k7p2n")));

    private static KubeWarningEvent Warning(string? reason, string pod, int count = 1) => new()
    {
        Uid = "uid-1",
        ResourceVersion = "100",
        Namespace = "payments",
        Name = pod + ".17a2b3c4d5e6f7a8",
        Reason = reason,
        Message = "Back-off restarting failed container app in pod " + pod,
        Count = count,
        InvolvedKind = "Pod",
        InvolvedName = pod,
    };
}
