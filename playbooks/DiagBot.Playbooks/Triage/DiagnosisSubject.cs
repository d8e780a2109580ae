using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.Triage;

/// <summary>What the engineer asked about, as parsed from the command text.</summary>
public abstract record DiagnosisSubject(string Text)
{
    /// <summary>The engineer's own words beside the identifier ("ALB 503 on service web in prod"), if any.</summary>
    public string? Symptom { get; init; }

    /// <summary>The kind of subject as the JSON output names it.</summary>
    public abstract string Kind { get; }
}

public sealed record TaskSubject(string Text, EcsTaskRef Task) : DiagnosisSubject(Text)
{
    public override string Kind => "task";
}

public sealed record ServiceSubject(string Text, string Service, string? Cluster) : DiagnosisSubject(Text)
{
    public override string Kind => "service";
}

public sealed record PodSubject(string Text, string Namespace, string Pod, string? Cluster) : DiagnosisSubject(Text)
{
    public override string Kind => "pod";
}

public sealed record SymptomSubject(string Text) : DiagnosisSubject(Text)
{
    public override string Kind => "symptom";
}
