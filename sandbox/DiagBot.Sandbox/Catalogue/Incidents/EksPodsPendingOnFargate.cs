using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 9 on Fargate: report-renderer asks for Fargate (nodeSelector eks.amazonaws.com/compute-type: fargate) but
/// its pods carry compute=serverless where profile fp-reports selects compute=fargate. EKS's webhook left it with the
/// default scheduler, which finds no EC2 node matching the selector; FailedScheduling repeats, recorded through
/// events.k8s.io (count and last time in series).
/// </summary>
internal sealed class EksPodsPendingOnFargate : ICatalogueEntry
{
    public const string Name = "p09-eks-no-fargate-profile";
    public const string PodName = "report-renderer-7c9d8b6f5-x2v4n";

    public SandboxScenario Seed(SeedContext context)
    {
        const string Message = "0/5 nodes are available: 5 node(s) didn't match Pod's node affinity/selector. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.";
        var pod = new PodSpec("reports", PodName, "report-renderer", EcsSeeds.Image(context, "report-renderer", "2.4.0"))
        {
            Phase = "Pending",
            CreatedMinutesAgo = 26,
            Ready = false,
            UnschedulableMessage = Message,
        }.Seed(context);
        pod["metadata"]!["labels"]!["compute"] = "serverless";
        pod["spec"]!["nodeSelector"] = new JsonObject { ["eks.amazonaws.com/compute-type"] = "fargate" };
        KubeEventSeeds.Series(context, pod, "Warning", "FailedScheduling", Message, "default-scheduler", "Scheduling", firstMinutesAgo: 26, lastMinutesAgo: 2, count: 9);

        DeploymentSeeds.Deployment(context, "reports", "report-renderer", EcsSeeds.Image(context, "report-renderer", "2.4.0"), replicas: 1, available: 0, updated: 1, progressing: false,
            "report-renderer-7c9d8b6f5", createdMinutesAgo: 60 * 24 * 3);

        return new SandboxScenario(Name, 9, $"pod reports/{PodName}",
            $"Pod Pending 26 minutes: no Fargate profile selects it; {EksLandscape.ReportsProfile} wants label compute=fargate, the pod has compute=serverless.");
    }
}
