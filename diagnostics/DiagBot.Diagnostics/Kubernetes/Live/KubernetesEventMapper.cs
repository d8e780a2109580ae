using k8s.Models;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>
/// The one reading of a core/v1 Event, for the evidence reader and the Warning watch alike. Events written through
/// events.k8s.io/v1 (the scheduler's FailedScheduling among them) keep how often they happened in <c>series</c>:
/// seen through core/v1 their <c>count</c>, <c>firstTimestamp</c> and <c>lastTimestamp</c> are the deprecated fields,
/// left unset, while <c>series.count</c> and <c>series.lastObservedTime</c> say "14 times, last a minute ago"
/// (k8s.io/api events/v1 EventSeries; pkg/apis/events/v1 conversion maps deprecatedCount to count).
/// </summary>
internal static class KubernetesEventMapper
{
    public static KubeEvent ToEvidence(Corev1Event e) => new(
        e.Type,
        e.Reason,
        e.Message,
        Count(e),
        FirstSeen(e),
        LastSeen(e),
        e.InvolvedObject?.Kind,
        e.InvolvedObject?.Name,
        e.Source?.Component ?? e.ReportingComponent);

    public static KubeWarningEvent ToWarning(Corev1Event e) => new()
    {
        Uid = e.Metadata?.Uid ?? "",
        ResourceVersion = e.Metadata?.ResourceVersion ?? "",
        Namespace = e.Metadata?.NamespaceProperty ?? e.InvolvedObject?.NamespaceProperty ?? "",
        Name = e.Metadata?.Name ?? "",
        Reason = e.Reason,
        Message = e.Message,
        Count = Count(e),
        InvolvedKind = e.InvolvedObject?.Kind,
        InvolvedName = e.InvolvedObject?.Name,
        LastTimestamp = LastSeen(e),
    };

    /// <summary>How many times it happened: the larger of count and series.count (one of them is unset), at least once.</summary>
    public static int Count(Corev1Event e) => Math.Max(1, Math.Max(e.Count ?? 0, e.Series?.Count ?? 0));

    public static DateTimeOffset? FirstSeen(Corev1Event e) => Time(e.FirstTimestamp ?? e.EventTime);

    public static DateTimeOffset? LastSeen(Corev1Event e) => Time(e.Series?.LastObservedTime ?? e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp);

    private static DateTimeOffset? Time(DateTime? value) =>
        value is { } time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;
}
