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

/// <summary>An ELBv2 target group, by ARN or by name (then looked up in the default account and region).</summary>
public sealed record TargetGroupSubject(string Text, string? Arn, string? Name) : DiagnosisSubject(Text)
{
    public override string Kind => "target-group";

    /// <summary>The name the engineer typed, or the one the ARN carries (targetgroup/name/id).</summary>
    public string DisplayName => Name ?? Arn!.Split('/')[^2];
}

/// <summary>A Kubernetes Deployment (apps/v1).</summary>
public sealed record DeploymentSubject(string Text, string Namespace, string Deployment, string? Cluster) : DiagnosisSubject(Text)
{
    public override string Kind => "deployment";
}

/// <summary>An ECS deployment id ("ecs-svc/..."), found among the current deployments of the account's services.</summary>
public sealed record EcsDeploymentSubject(string Text, string DeploymentId) : DiagnosisSubject(Text)
{
    public override string Kind => "ecs-deployment";
}

public sealed record SymptomSubject(string Text) : DiagnosisSubject(Text)
{
    public override string Kind => "symptom";
}
