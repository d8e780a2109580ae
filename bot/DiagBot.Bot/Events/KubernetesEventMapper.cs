using System.Globalization;
using System.Text.RegularExpressions;
using DiagBot.Bot.Incidents;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Bot.Events;

/// <summary>
/// A Warning event as the incident pipeline groups it: the cluster, the namespace and the owning workload, read from
/// the involved object's name without an API call (a Deployment's pods are named &lt;deployment&gt;-&lt;pod-template-hash&gt;-&lt;suffix&gt;,
/// its ReplicaSets &lt;deployment&gt;-&lt;hash&gt;, a StatefulSet's &lt;name&gt;-&lt;ordinal&gt;, a DaemonSet's or Job's &lt;name&gt;-&lt;suffix&gt;).
/// Only the reasons that mean a failing workload are kept; the pod, when there is one, is what gets diagnosed.
/// </summary>
internal static partial class KubernetesEventMapper
{
    public const string Account = "kubernetes";
    public const string Region = "-";
    private const int MaxMessage = 500;

    public static readonly IReadOnlyList<string> WatchedReasons = ["FailedScheduling", "FailedCreatePodSandBox", "BackOff", "OOMKilling", "Unhealthy"];

    /// <summary>The event's id for deduplication (uid and count: a repeat counts, a re-list of the same state does not) and its occurrence; null when its reason is not watched.</summary>
    public static (string EventId, IncidentOccurrence Occurrence)? Map(string cluster, KubeWarningEvent warning)
    {
        if (warning.Reason is not { } reason || !WatchedReasons.Contains(reason, StringComparer.Ordinal))
        {
            return null;
        }

        var ns = string.IsNullOrEmpty(warning.Namespace) ? "default" : warning.Namespace;
        var kind = warning.InvolvedKind ?? "";
        var name = warning.InvolvedName ?? "";
        var workload = Workload(kind, name);
        var message = (warning.Message ?? "").ReplaceLineEndings(" ");
        var evidence = $"{reason}: {(message.Length > MaxMessage ? message[..MaxMessage] + "…" : message)}";
        var pod = kind == "Pod" && name.Length > 0 ? $"{ns}/{name}" : null;
        var identity = warning.Uid.Length > 0 ? warning.Uid : $"{ns}/{warning.Name}";
        var id = string.Create(CultureInfo.InvariantCulture, $"k8s:{cluster}:{identity}:{warning.Count}");
        return (id, new IncidentOccurrence(Account, Region, cluster, $"{ns}/{workload}", IncidentOccurrence.WorkloadKind, evidence, new IncidentSubject(cluster, null, null, pod, pod is null ? evidence : null)));
    }

    public static string Workload(string kind, string name) => kind switch
    {
        "Pod" when DeploymentPod().Match(name) is { Success: true } m => m.Groups[1].Value,
        "Pod" when StatefulSetPod().Match(name) is { Success: true } m => m.Groups[1].Value,
        "Pod" when SuffixedPod().Match(name) is { Success: true } m => m.Groups[1].Value,
        "Pod" => name,
        "ReplicaSet" when SuffixedReplicaSet().Match(name) is { Success: true } m => m.Groups[1].Value,
        "Deployment" or "StatefulSet" or "DaemonSet" or "Job" or "CronJob" or "ReplicaSet" => name,
        "" => "unknown",
        _ => $"{kind.ToLowerInvariant()}/{name}",
    };

    [GeneratedRegex("^(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DeploymentPod();

    [GeneratedRegex("^(.+)-[0-9]+$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StatefulSetPod();

    [GeneratedRegex("^(.+)-[a-z0-9]{5}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SuffixedPod();

    [GeneratedRegex("^(.+)-[a-z0-9]{6,10}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SuffixedReplicaSet();
}
