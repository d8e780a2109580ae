namespace DiagBot.Playbooks.Classification;

/// <summary>Where a piece of text came from. Wire names are the camelCase forms (<c>stoppedReason</c>, <c>k8sEvent</c>, ...).</summary>
public enum EvidenceField
{
    StoppedReason,
    ContainerReason,
    ServiceEvent,
    K8sEvent,
    PodStatus,
    TargetHealth,
    Log,
    SymptomText,
}
