using System.Globalization;
using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>
/// The objects the simulated cluster holds, kept as the JSON the API server returns, per resource type, with the history
/// of changes that watches resume from. Tests add and change objects while watches read, so every access takes the lock.
/// </summary>
internal sealed class KubeState
{
    private readonly Dictionary<KubeResource, List<JsonObject>> _objects = KubeResource.All.ToDictionary(r => r, _ => new List<JsonObject>());
    private readonly List<KubeChange> _history = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Namespace, string Pod, string Container, bool Previous), IReadOnlyList<string>> _logs = [];
    private readonly HashSet<string> _unreachableKubelets = new(StringComparer.Ordinal);
    private long _resourceVersion = 4_812_000;
    private long _compactedThrough;
    private TaskCompletionSource _changed = NewSignal();
    private CancellationTokenSource _connections = new();

    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Watches from a resourceVersion older than this are answered 410 Expired, as after etcd compaction.</summary>
    public long CompactedThrough
    {
        get
        {
            lock (_gate)
            {
                return _compactedThrough;
            }
        }
    }

    /// <summary>Ends when the next change is recorded.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Cancelled when a test drops every open watch connection.</summary>
    public CancellationToken Connections
    {
        get
        {
            lock (_gate)
            {
                return _connections.Token;
            }
        }
    }

    public IReadOnlyList<JsonObject> List(KubeResource resource)
    {
        lock (_gate)
        {
            return [.. _objects[resource]];
        }
    }

    public JsonObject Add(KubeResource resource, JsonObject item)
    {
        lock (_gate)
        {
            var metadata = item["metadata"]!.AsObject();
            metadata["resourceVersion"] ??= Next();
            metadata["uid"] ??= Guid.NewGuid().ToString();
            _objects[resource].Add(item);
            Record(resource, "ADDED", item);
            return item;
        }
    }

    /// <summary>Changes an object in place (a repeated event's count, say) under a new resourceVersion, as an update would.</summary>
    public JsonObject Modify(KubeResource resource, string? ns, string name, Action<JsonObject> change)
    {
        lock (_gate)
        {
            var item = _objects[resource].First(o => Name(o) == name && Namespace(o) == ns);
            change(item);
            item["metadata"]!["resourceVersion"] = Next();
            Record(resource, "MODIFIED", item);
            return item;
        }
    }

    /// <summary>The changes after a resourceVersion, oldest first, and the resourceVersion they bring the watcher to.</summary>
    public (IReadOnlyList<KubeChange> Changes, long Through) ChangesAfter(KubeResource resource, long resourceVersion)
    {
        lock (_gate)
        {
            return ([.. _history.Where(c => c.Resource == resource && c.ResourceVersion > resourceVersion)], _resourceVersion);
        }
    }

    public void Compact()
    {
        lock (_gate)
        {
            _history.Clear();
            _compactedThrough = _resourceVersion;
        }
    }

    public void DropConnections()
    {
        CancellationTokenSource dropped;
        lock (_gate)
        {
            dropped = _connections;
            _connections = new CancellationTokenSource();
        }

        dropped.Cancel();
        dropped.Dispose();
    }

    /// <summary>A container's output: its current run, or with previous the run before (what `kubectl logs --previous` shows).</summary>
    public void AddLogs(string ns, string pod, string container, bool previous, IReadOnlyList<string> lines)
    {
        lock (_gate)
        {
            _logs[(ns, pod, container, previous)] = lines;
        }
    }

    public IReadOnlyList<string> Logs(string ns, string pod, string container, bool previous)
    {
        lock (_gate)
        {
            return _logs.GetValueOrDefault((ns, pod, container, previous)) ?? [];
        }
    }

    /// <summary>
    /// How long the API server tries to dial a kubelet that drops its packets before it answers the dial error:
    /// kube-apiserver's kubelet transport dials with net/http's default dialer (k8s.io/apimachinery pkg/util/net
    /// SetTransportDefaults), whose timeout is 30 s. Tests that read the error itself shorten it.
    /// </summary>
    public TimeSpan KubeletDialTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A node whose kubelet the API server cannot dial on 10250 (its security group, or the node is gone): reads proxied
    /// to the kubelet (pods/log) time out there.
    /// </summary>
    public void MarkKubeletUnreachable(string nodeName)
    {
        lock (_gate)
        {
            _unreachableKubelets.Add(nodeName);
        }
    }

    public bool IsKubeletUnreachable(string nodeName)
    {
        lock (_gate)
        {
            return _unreachableKubelets.Contains(nodeName);
        }
    }

    public static string? Name(JsonObject item) => item["metadata"]?["name"]?.GetValue<string>();

    public static string? Namespace(JsonObject item) => item["metadata"]?["namespace"]?.GetValue<string>();

    private string Next() => (++_resourceVersion).ToString(CultureInfo.InvariantCulture);

    private void Record(KubeResource resource, string type, JsonObject item)
    {
        _history.Add(new KubeChange(_resourceVersion, resource, type, item.DeepClone().AsObject()));
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>One recorded change: the object as it was right after it.</summary>
internal sealed record KubeChange(long ResourceVersion, KubeResource Resource, string Type, JsonObject Item);
