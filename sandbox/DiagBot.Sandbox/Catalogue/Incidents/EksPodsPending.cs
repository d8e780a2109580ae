using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>Failure mode 9: the pod asks for 12Gi of memory and no node has that much allocatable; the batch node is tainted.</summary>
internal sealed class EksPodsPending : ICatalogueEntry
{
    public const string Name = "p09-pod-pending";

    public SandboxScenario Seed(SeedContext context)
    {
        var pod = new PodSpec("payments", "ledger-api-6c8f7d9b5-q2w8x", "ledger-api", EcsSeeds.Image(context, "ledger-api", "2.8.1"))
        {
            Phase = "Pending",
            CpuRequest = "500m",
            MemoryRequest = "12Gi",
            MemoryLimit = "12Gi",
            CreatedMinutesAgo = 18,
            Ready = false,
        }.Seed(context);

        KubeSeeds.Event(context, pod, "Warning", "FailedScheduling",
            "0/4 nodes are available: 1 node(s) had untolerated taint {dedicated: batch}, 3 Insufficient memory. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.",
            "default-scheduler", firstMinutesAgo: 18, lastMinutesAgo: 1, count: 14);

        DeploymentSeeds.Deployment(context, "payments", "ledger-api", EcsSeeds.Image(context, "ledger-api", "2.8.1"), replicas: 1, available: 0, updated: 1, progressing: false, "ledger-api-6c8f7d9b5", createdMinutesAgo: 60 * 24 * 40);

        return new SandboxScenario(Name, 9, "pod payments/ledger-api-6c8f7d9b5-q2w8x",
            "Pod Pending for 18 minutes: FailedScheduling, 3 Insufficient memory (requests 12Gi, nodes have about 7Gi allocatable).");
    }
}
