using DiagBot.Diagnostics.Kubernetes.Live;
using k8s.Models;

namespace DiagBot.Diagnostics.Tests.Kubernetes;

/// <summary>One reading of an Event for the evidence reader and the watch: count and last time from series when the event has one.</summary>
public sealed class KubernetesEventMapperTests
{
    private static readonly DateTime First = new(2026, 12, 6, 16, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Last = new(2026, 12, 6, 16, 17, 0, DateTimeKind.Utc);

    [Fact]
    public void ToEvidence_SchedulerEventWithSeries_ReadsFourteenTimesLastSeenAtTheSeries()
    {
        var e = SchedulerEvent(new Corev1EventSeries { Count = 14, LastObservedTime = Last });

        var evidence = KubernetesEventMapper.ToEvidence(e);

        Assert.Equal(14, evidence.Count);
        Assert.Equal(new DateTimeOffset(Last), evidence.LastTimestamp);
        Assert.Equal(new DateTimeOffset(First), evidence.FirstTimestamp);
        Assert.Equal("default-scheduler", evidence.SourceComponent);
    }

    [Fact]
    public void ToWarning_SchedulerEventWithSeries_CountsAsTheEvidenceReaderDoes()
    {
        var e = SchedulerEvent(new Corev1EventSeries { Count = 14, LastObservedTime = Last });

        var warning = KubernetesEventMapper.ToWarning(e);

        Assert.Equal((14, new DateTimeOffset(Last)), (warning.Count, warning.LastTimestamp));
        Assert.Equal(KubernetesEventMapper.ToEvidence(e).Count, warning.Count);
    }

    [Fact]
    public void ToEvidence_SingleEventsK8sIoEvent_IsOnceAtItsEventTime()
    {
        var evidence = KubernetesEventMapper.ToEvidence(SchedulerEvent(series: null));

        Assert.Equal((1, new DateTimeOffset(First)), (evidence.Count, evidence.LastTimestamp));
    }

    [Fact]
    public void ToEvidence_CoreEventWithCount_KeepsCountAndLastTimestamp()
    {
        var e = new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "web.1", NamespaceProperty = "shop" },
            InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "web" },
            Reason = "BackOff",
            Type = "Warning",
            Count = 23,
            FirstTimestamp = First,
            LastTimestamp = Last,
            Source = new V1EventSource { Component = "kubelet" },
        };

        var evidence = KubernetesEventMapper.ToEvidence(e);

        Assert.Equal((23, new DateTimeOffset(Last), "kubelet"), (evidence.Count, evidence.LastTimestamp, evidence.SourceComponent));
    }

    // The core/v1 view of an events.k8s.io event: no count, no first or last timestamp, eventTime and series instead.
    private static Corev1Event SchedulerEvent(Corev1EventSeries? series) => new()
    {
        Metadata = new V1ObjectMeta { Name = "ledger-api.1", NamespaceProperty = "payments", Uid = "u-1", ResourceVersion = "7" },
        InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "ledger-api-6c8f7d9b5-q2w8x", NamespaceProperty = "payments" },
        Reason = "FailedScheduling",
        Message = "0/4 nodes are available: 3 Insufficient memory.",
        Type = "Warning",
        EventTime = First,
        Series = series,
        ReportingComponent = "default-scheduler",
        Source = new V1EventSource(),
    };
}
