namespace DiagBot.Diagnostics.Eks;

/// <summary>An EKS Fargate profile: pods matching one of its selectors run on Fargate.</summary>
public sealed record FargateProfile(
    string Name,
    string? Status,
    string? PodExecutionRoleArn,
    IReadOnlyList<string> Subnets,
    IReadOnlyList<FargateSelector> Selectors)
{
    /// <summary>Whether a pod in <paramref name="namespace"/> with these labels is scheduled by this profile.</summary>
    public bool Selects(string @namespace, IReadOnlyDictionary<string, string> labels) => Selectors.Any(s => s.Selects(@namespace, labels));
}

/// <summary>A selector matches a pod in its namespace carrying every one of its labels.</summary>
public sealed record FargateSelector(string Namespace, IReadOnlyDictionary<string, string> Labels)
{
    public bool Selects(string @namespace, IReadOnlyDictionary<string, string> labels) =>
        Namespace == @namespace && Labels.All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value);
}
