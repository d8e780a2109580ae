using System.Globalization;
using System.Text.Json.Nodes;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox;

/// <summary>
/// What a test does to the simulated cluster while a client watches it: events appear and repeat, connections drop,
/// and the watch history is compacted so that a resume from an old resourceVersion is answered 410 Expired.
/// </summary>
public sealed class SandboxKubernetes
{
    private readonly KubeState _state;
    private readonly TimeProvider _clock;

    internal SandboxKubernetes(KubeState state, TimeProvider clock)
    {
        _state = state;
        _clock = clock;
    }

    public long ResourceVersion => _state.ResourceVersion;

    /// <summary>Records a core/v1 Event about a pod, as the kubelet or the scheduler would; returns the event's name.</summary>
    public string AddPodEvent(string @namespace, string pod, string type, string reason, string message, string component = "kubelet")
    {
        var now = Time(_clock.GetUtcNow());
        var name = $"{pod}.{Guid.NewGuid():N}"[..(pod.Length + 17)];
        _state.Add(KubeResource.Events, new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace, ["creationTimestamp"] = now },
            ["involvedObject"] = new JsonObject
            {
                ["kind"] = "Pod",
                ["namespace"] = @namespace,
                ["name"] = pod,
                ["uid"] = Guid.NewGuid().ToString(),
                ["apiVersion"] = "v1",
            },
            ["reason"] = reason,
            ["message"] = message,
            ["source"] = new JsonObject { ["component"] = component },
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["count"] = 1,
            ["type"] = type,
            ["eventTime"] = null,
            ["reportingComponent"] = component,
            ["reportingInstance"] = string.Empty,
        });
        return name;
    }

    /// <summary>The same event seen again: its count grows and it is MODIFIED under a new resourceVersion, as the API server aggregates repeats.</summary>
    public void RepeatEvent(string @namespace, string name) =>
        _state.Modify(KubeResource.Events, @namespace, name, item =>
        {
            item["count"] = (item["count"]?.GetValue<int>() ?? 1) + 1;
            item["lastTimestamp"] = Time(_clock.GetUtcNow());
        });

    /// <summary>The API server can no longer dial this node's kubelet on 10250: its pods' logs answer with the dial timeout.</summary>
    public void MarkKubeletUnreachable(string nodeName) => _state.MarkKubeletUnreachable(nodeName);

    /// <summary>How long the API server dials an unreachable kubelet before answering (30 s, as kube-apiserver does).</summary>
    public TimeSpan KubeletDialTimeout
    {
        get => _state.KubeletDialTimeout;
        set => _state.KubeletDialTimeout = value;
    }

    /// <summary>Closes every open watch stream, as a load balancer or an API server restart would.</summary>
    public void DropWatches() => _state.DropConnections();

    /// <summary>Forgets the change history: a watch resumed from any earlier resourceVersion now gets 410 Expired.</summary>
    public void ExpireHistory() => _state.Compact();

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
