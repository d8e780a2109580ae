namespace DiagBot.Diagnostics.Evidence;

/// <summary>Evidence that could not be read, and why; the verdict reports it instead of failing.</summary>
/// <param name="Source">The API family, e.g. "ecs", "elasticloadbalancing", "cloudtrail", "kubernetes".</param>
/// <param name="Operation">The operation that failed, e.g. "DescribeTasks".</param>
/// <param name="Reason">What kind of failure it was.</param>
/// <param name="Detail">One line for a human: the AWS error code and message, the missing IAM action, the timeout.</param>
public sealed record EvidenceGap(string Source, string Operation, GapReason Reason, string Detail)
{
    public override string ToString() => $"{Source}:{Operation} {Reason.ToWire()}: {Detail}";
}
