using System.Text.Json.Nodes;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>A pod to seed: where it is in its life and what its single container asks for.</summary>
internal sealed record PodSpec(string Namespace, string Name, string App, string Image)
{
    public string? NodeName { get; init; }
    public string? PodIp { get; init; }
    public string Phase { get; init; } = "Running";
    public string CpuRequest { get; init; } = "250m";
    public string MemoryRequest { get; init; } = "256Mi";
    public string? MemoryLimit { get; init; } = "512Mi";
    public int CreatedMinutesAgo { get; init; } = 60 * 30;
    public int RestartCount { get; init; }

    /// <summary>The container's state object: {"running":{...}} or {"waiting":{"reason":...}}.</summary>
    public JsonObject? State { get; init; }
    public bool Ready { get; init; } = true;

    /// <summary>The previous run's end, e.g. {"terminated":{"exitCode":137,"reason":"OOMKilled",...}}; empty when it never restarted.</summary>
    public JsonObject? LastState { get; init; }

    /// <summary>The container's livenessProbe, as the spec declares it; none by default.</summary>
    public JsonObject? LivenessProbe { get; init; }

    /// <summary>The PodScheduled condition's message while no node is chosen.</summary>
    public string UnschedulableMessage { get; init; } = "0/4 nodes are available: 1 node(s) had untolerated taint {dedicated: batch}, 3 Insufficient memory.";

    public JsonObject Seed(SeedContext context)
    {
        var created = context.Ago(CreatedMinutesAgo);
        var limits = new JsonObject();
        if (MemoryLimit is not null)
        {
            limits["memory"] = MemoryLimit;
        }

        var spec = new JsonObject
        {
            ["containers"] = new JsonArray(Container(limits)),
            ["restartPolicy"] = "Always",
            ["terminationGracePeriodSeconds"] = 30,
            ["schedulerName"] = "default-scheduler",
            ["serviceAccountName"] = App,
            ["tolerations"] = new JsonArray(
                new JsonObject { ["key"] = "node.kubernetes.io/not-ready", ["operator"] = "Exists", ["effect"] = "NoExecute", ["tolerationSeconds"] = 300 },
                new JsonObject { ["key"] = "node.kubernetes.io/unreachable", ["operator"] = "Exists", ["effect"] = "NoExecute", ["tolerationSeconds"] = 300 }),
        };
        if (NodeName is not null)
        {
            spec["nodeName"] = NodeName;
        }

        var status = new JsonObject { ["phase"] = Phase, ["qosClass"] = MemoryLimit is null ? "BestEffort" : "Burstable" };
        var nodeName = NodeName;
        status["conditions"] = nodeName is not null
            ? new JsonArray(
                KubeSeeds.Condition("Initialized", "True", null, created),
                KubeSeeds.Condition("Ready", Ready ? "True" : "False", Ready ? null : "ContainersNotReady", created, Ready ? null : $"containers with unready status: [{App}]"),
                KubeSeeds.Condition("ContainersReady", Ready ? "True" : "False", Ready ? null : "ContainersNotReady", created, Ready ? null : $"containers with unready status: [{App}]"),
                KubeSeeds.Condition("PodScheduled", "True", null, created))
            : new JsonArray(KubeSeeds.Condition("PodScheduled", "False", "Unschedulable", created, UnschedulableMessage));
        if (nodeName is not null)
        {
            status["hostIP"] = nodeName["ip-".Length..nodeName.IndexOf('.', StringComparison.Ordinal)].Replace('-', '.');
            status["startTime"] = KubeSeeds.Time(created);
            status["containerStatuses"] = new JsonArray(new JsonObject
            {
                ["name"] = App,
                ["state"] = State ?? new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubeSeeds.Time(created.AddSeconds(9)) } },
                ["lastState"] = LastState?.DeepClone() ?? new JsonObject(),
                ["ready"] = Ready,
                ["restartCount"] = RestartCount,
                ["image"] = Image,
                ["imageID"] = State is null || State.ContainsKey("running") || LastState is not null ? $"{Image.Split(':')[0]}@sha256:{SeedContext.Hex(Image, 64)}" : string.Empty,
                ["started"] = State is null || State.ContainsKey("running"),
            });
        }

        if (PodIp is not null)
        {
            status["podIP"] = PodIp;
            status["podIPs"] = new JsonArray(new JsonObject { ["ip"] = PodIp });
        }

        var metadata = KubeSeeds.Metadata(context, Name, Namespace, CreatedMinutesAgo, new JsonObject { ["app"] = App, ["pod-template-hash"] = Name.Split('-')[^2] });
        var replicaSet = Name[..Name.LastIndexOf('-')];
        metadata["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["name"] = replicaSet,
            ["uid"] = Guid.Parse(SeedContext.Hex($"k8s/{Namespace}/rs/{replicaSet}", 32)).ToString(),
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        });
        return context.World.Kube.Add(KubeResource.Pods, new JsonObject
        {
            ["kind"] = "Pod",
            ["apiVersion"] = "v1",
            ["metadata"] = metadata,
            ["spec"] = spec,
            ["status"] = status,
        });
    }

    private JsonObject Container(JsonObject limits)
    {
        var container = new JsonObject
        {
            ["name"] = App,
            ["image"] = Image,
            ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["protocol"] = "TCP" }),
            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = CpuRequest, ["memory"] = MemoryRequest }, ["limits"] = limits },
            ["terminationMessagePath"] = "/dev/termination-log",
            ["terminationMessagePolicy"] = "File",
            ["imagePullPolicy"] = "IfNotPresent",
        };
        if (LivenessProbe is not null)
        {
            container["livenessProbe"] = LivenessProbe.DeepClone();
        }

        return container;
    }
}
