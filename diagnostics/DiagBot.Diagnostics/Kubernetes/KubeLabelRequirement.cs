namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>One entry of a LabelSelector's matchExpressions: a key, an operator (In, NotIn, Exists, DoesNotExist) and its values.</summary>
public sealed record KubeLabelRequirement(string Key, string Operator, IReadOnlyList<string> Values);
