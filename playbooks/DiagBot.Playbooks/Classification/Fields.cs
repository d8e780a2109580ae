namespace DiagBot.Playbooks.Classification;

/// <summary>Field sets the signal files share, so "where an engineer or an app writes" reads the same everywhere.</summary>
internal static class Fields
{
    public static readonly IReadOnlySet<EvidenceField> Free = new HashSet<EvidenceField> { EvidenceField.Log, EvidenceField.SymptomText };

    public static readonly IReadOnlySet<EvidenceField> Symptom = new HashSet<EvidenceField> { EvidenceField.SymptomText };

    public static readonly IReadOnlySet<EvidenceField> TargetHealth = new HashSet<EvidenceField> { EvidenceField.TargetHealth };

    public static readonly IReadOnlySet<EvidenceField> PodStatus = new HashSet<EvidenceField> { EvidenceField.PodStatus };

    public static readonly IReadOnlySet<EvidenceField> Log = new HashSet<EvidenceField> { EvidenceField.Log };

    public static IReadOnlySet<EvidenceField> Of(params EvidenceField[] fields) => new HashSet<EvidenceField>(fields);
}
