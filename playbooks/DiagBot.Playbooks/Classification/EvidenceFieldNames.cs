namespace DiagBot.Playbooks.Classification;

internal static class EvidenceFieldNames
{
    private static readonly Dictionary<string, EvidenceField> _byWireName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["stoppedReason"] = EvidenceField.StoppedReason,
        ["containerReason"] = EvidenceField.ContainerReason,
        ["serviceEvent"] = EvidenceField.ServiceEvent,
        ["k8sEvent"] = EvidenceField.K8sEvent,
        ["podStatus"] = EvidenceField.PodStatus,
        ["targetHealth"] = EvidenceField.TargetHealth,
        ["log"] = EvidenceField.Log,
        ["symptomText"] = EvidenceField.SymptomText,
    };

    /// <summary>Case, '_' and '-' are forgiven: "stopped_reason" and "StoppedReason" name the same field as "stoppedReason".</summary>
    public static bool TryParse(string? wireName, out EvidenceField field) =>
        _byWireName.TryGetValue((wireName ?? string.Empty).Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal), out field);

    public static string ToWireName(EvidenceField field) => field switch
    {
        EvidenceField.K8sEvent => "k8sEvent",
        _ => char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..],
    };
}
