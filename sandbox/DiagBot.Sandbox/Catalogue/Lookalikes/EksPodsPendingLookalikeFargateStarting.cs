using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like a Pending pod stuck for lack of a Fargate profile, but matches fp-reports (namespace reports, compute=fargate):
/// EKS gave it the fargate-scheduler, which is starting its capacity; seconds old, no warning events, as during a rollout.
/// </summary>
internal sealed class EksPodsPendingLookalikeFargateStarting : ICatalogueEntry
{
    public const string Name = "lookalike-fargate-pod-starting";
    private const string PodName = "report-archiver-5b6c7d8e9-q7w2e";

    public SandboxScenario Seed(SeedContext context)
    {
        var pod = new PodSpec("reports", PodName, "report-archiver", EcsSeeds.Image(context, "report-archiver", "1.8.1"))
        {
            Phase = "Pending",
            CreatedMinutesAgo = 0,
            Ready = false,
        }.Seed(context);
        pod["metadata"]!["labels"]!["compute"] = "fargate";
        pod["spec"]!["schedulerName"] = "fargate-scheduler";
        pod["status"]!["conditions"] = new System.Text.Json.Nodes.JsonArray();

        DeploymentSeeds.Deployment(context, "reports", "report-archiver", EcsSeeds.Image(context, "report-archiver", "1.8.1"), replicas: 1, available: 1, updated: 1, progressing: true,
            "report-archiver-5b6c7d8e9", createdMinutesAgo: 60 * 24 * 20);

        return new SandboxScenario(Name, null, $"pod reports/{PodName}",
            "Look-alike: a Fargate pod Pending for seconds during a rollout; it matches profile fp-reports and Fargate is starting its capacity.");
    }
}
