using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like an ALB 503 with an empty group on EKS (an engineer reports 503s from a loyalty-api pod), but the group the
/// pod's TargetGroupBinding fills has healthy registered targets: the 503s come from somewhere else (the app, a WAF, a
/// rule's fixed response), not from a group with nothing in it. It reuses the pods, Service and group that
/// <see cref="TargetsUnhealthyLookalikeRollout"/> seeds, which the catalogue lists before it.
/// </summary>
internal sealed class Alb503NoTargetsLookalikeRegistered : ICatalogueEntry
{
    public const string Name = "lookalike-eks-503-registered";

    public SandboxScenario Seed(SeedContext context) =>
        new(Name, null, $"pod checkout/{TargetsUnhealthyLookalikeRollout.OldPod} behind the ALB: users report 503 errors",
            "Look-alike: loyalty-api's target group has two healthy registered targets; the 503s do not come from an empty group.");
}
