using System.Globalization;
using System.Text.Json.Nodes;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>Builders for Kubernetes objects in the JSON the API server returns; timestamps are RFC 3339 in UTC, to the second.</summary>
internal static class KubeSeeds
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Metadata(SeedContext context, string name, string? ns, int createdMinutesAgo, JsonObject? labels = null)
    {
        var metadata = new JsonObject
        {
            ["name"] = name,
            ["uid"] = Guid.Parse(SeedContext.Hex($"k8s/{ns}/{name}", 32)).ToString(),
            ["creationTimestamp"] = Time(context.Ago(createdMinutesAgo)),
        };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        if (labels is not null)
        {
            metadata["labels"] = labels;
        }

        return metadata;
    }

    public static void Namespace(SeedContext context, string name) =>
        context.World.Kube.Add(KubeResource.Namespaces, new JsonObject
        {
            ["kind"] = "Namespace",
            ["apiVersion"] = "v1",
            ["metadata"] = Metadata(context, name, null, 60 * 24 * 300, new JsonObject { ["kubernetes.io/metadata.name"] = name }),
            ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
            ["status"] = new JsonObject { ["phase"] = "Active" },
        });

    public static JsonObject Node(SeedContext context, string ip, string zone, string instanceId, string cpu = "1930m", string memory = "7220Mi", bool ready = true)
    {
        var name = $"ip-{ip.Replace('.', '-')}.ec2.internal";
        var labels = new JsonObject
        {
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["node.kubernetes.io/instance-type"] = "m5.large",
            ["topology.kubernetes.io/zone"] = zone,
            ["eks.amazonaws.com/nodegroup"] = "general",
        };
        return context.World.Kube.Add(KubeResource.Nodes, new JsonObject
        {
            ["kind"] = "Node",
            ["apiVersion"] = "v1",
            ["metadata"] = Metadata(context, name, null, 60 * 24 * 9, labels),
            ["spec"] = new JsonObject { ["providerID"] = $"aws:///{zone}/{instanceId}" },
            ["status"] = new JsonObject
            {
                ["capacity"] = new JsonObject { ["cpu"] = "2", ["memory"] = "7934456Ki", ["pods"] = "29" },
                ["allocatable"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = "29" },
                ["conditions"] = new JsonArray(
                    Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", context.Ago(60 * 24)),
                    Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", context.Ago(60 * 24)),
                    Condition("Ready", ready ? "True" : "False", ready ? "KubeletReady" : "KubeletNotReady", context.Ago(60 * 24))),
                ["addresses"] = new JsonArray(
                    new JsonObject { ["type"] = "InternalIP", ["address"] = ip },
                    new JsonObject { ["type"] = "Hostname", ["address"] = name },
                    new JsonObject { ["type"] = "InternalDNS", ["address"] = name }),
                ["nodeInfo"] = new JsonObject
                {
                    ["kubeletVersion"] = "v1.31.4-eks-aeac579",
                    ["kubeProxyVersion"] = "v1.31.4-eks-aeac579",
                    ["osImage"] = "Amazon Linux 2023.6.20250107",
                    ["kernelVersion"] = "6.1.119-129.201.amzn2023.x86_64",
                    ["containerRuntimeVersion"] = "containerd://1.7.25",
                    ["operatingSystem"] = "linux",
                    ["architecture"] = "amd64",
                },
            },
        });
    }

    public static JsonObject Condition(string type, string status, string? reason, DateTimeOffset since, string? message = null)
    {
        var condition = new JsonObject { ["type"] = type, ["status"] = status, ["lastHeartbeatTime"] = Time(since), ["lastTransitionTime"] = Time(since) };
        if (reason is not null)
        {
            condition["reason"] = reason;
        }

        if (message is not null)
        {
            condition["message"] = message;
        }

        return condition;
    }

    public static JsonObject Event(SeedContext context, JsonObject involved, string type, string reason, string message, string component, int firstMinutesAgo, int lastMinutesAgo, int count = 1)
    {
        var metadata = involved["metadata"]!;
        var name = metadata["name"]!.GetValue<string>();
        var ns = metadata["namespace"]?.GetValue<string>() ?? "default";
        return context.World.Kube.Add(KubeResource.Events, new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = "v1",
            ["metadata"] = Metadata(context, $"{name}.{SeedContext.Hex(reason + message, 16)}", ns, firstMinutesAgo),
            ["involvedObject"] = new JsonObject
            {
                ["kind"] = involved["kind"]!.GetValue<string>(),
                ["namespace"] = ns,
                ["name"] = name,
                ["uid"] = metadata["uid"]!.GetValue<string>(),
                ["apiVersion"] = "v1",
                ["resourceVersion"] = metadata["resourceVersion"]?.GetValue<string>(),
            },
            ["reason"] = reason,
            ["message"] = message,
            ["source"] = new JsonObject { ["component"] = component },
            ["firstTimestamp"] = Time(context.Ago(firstMinutesAgo)),
            ["lastTimestamp"] = Time(context.Ago(lastMinutesAgo)),
            ["count"] = count,
            ["type"] = type,
            ["eventTime"] = null,
            ["reportingComponent"] = component,
            ["reportingInstance"] = string.Empty,
        });
    }

    /// <summary>What `kubectl logs` shows for the pod's container: its current run, or with previous the run that ended last.</summary>
    public static void Logs(SeedContext context, JsonObject pod, string container, bool previous, params string[] lines) =>
        context.World.Kube.AddLogs(pod["metadata"]!["namespace"]!.GetValue<string>(), pod["metadata"]!["name"]!.GetValue<string>(), container, previous, lines);

    /// <summary>A container state that ended: {"terminated":{"exitCode":..,"reason":..,"startedAt":..,"finishedAt":..,"containerID":..}}.</summary>
    public static JsonObject Terminated(SeedContext context, string seed, int exitCode, string reason, int startedMinutesAgo, int finishedMinutesAgo) => new()
    {
        ["terminated"] = new JsonObject
        {
            ["exitCode"] = exitCode,
            ["reason"] = reason,
            ["startedAt"] = Time(context.Ago(startedMinutesAgo)),
            ["finishedAt"] = Time(context.Ago(finishedMinutesAgo)),
            ["containerID"] = $"containerd://{SeedContext.Hex("container/" + seed, 64)}",
        },
    };
}
