using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like the app being denied: CloudTrail holds an AccessDenied that names statement-api's task role. But the denied
/// principal is the deploy pipeline, refused iam:PassRole when it registered revision 22; no task ever ran with it, and
/// the running tasks (revision 21) call AWS without a single denial. The wording is RegisterTaskDefinition's, from
/// ministryofjustice/modernisation-platform#8443; ECS checks iam:PassRole for the roles a definition names (Amazon ECS
/// Developer Guide, "Troubleshooting Amazon Elastic Container Service identity and access"). A failure outside the failure modes.
/// </summary>
internal sealed class AppAccessDeniedLookalikePassRole : ICatalogueEntry
{
    public const string Name = "lookalike-deployer-passrole";
    private const string ServiceName = "statement-api";

    public SandboxScenario Seed(SeedContext context)
    {
        var account = context.Options.AccountId;
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 21, cpu: "512", memory: "1024",
            EcsSeeds.Container("statements", EcsSeeds.Image(context, ServiceName, "6.1.3"), memory: 1024));
        var cluster = ProdLandscape.Cluster(context);
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 2);
        foreach (var n in new[] { "/1", "/2" })
        {
            var task = EcsSeeds.FargateTask(context, cluster, Name + n, definition, TaskLife.Running(context, ServiceName, minutesAgo: 60 * 50));
            EvidenceSeeds.Logs(context, "/ecs/statements", EvidenceSeeds.StreamFor("statements", task.TaskArn), 30,
                "INFO GET /statements/2026-11 200 41ms",
                "INFO statement export s3://acme-prod-statements/2026-11/ written (kms key alias/statements)",
                "INFO GET /health 200 1ms");
        }

        var taskRole = $"arn:aws:iam::{account}:role/{ServiceName}-task-role";
        var denial = $"User: arn:aws:sts::{account}:assumed-role/deploy-pipeline/GitHubActions is not authorized to perform: iam:PassRole "
            + $"on resource: {taskRole} because no identity-based policy allows the iam:PassRole action";
        EvidenceSeeds.Trail(context, Name, "ecs.amazonaws.com", "RegisterTaskDefinition", "deploy-pipeline", "GitHubActions", minutesAgo: 12,
            errorCode: "AccessDenied", errorMessage: denial,
            requestParameters: new Dictionary<string, string> { ["family"] = ServiceName, ["taskRoleArn"] = taskRole });

        return new SandboxScenario(Name, null, $"service {ServiceName} in {cluster.ClusterName} AccessDeniedException: {denial}",
            "Look-alike: an AccessDenied naming statement-api's task role, but it is the deploy pipeline refused iam:PassRole; "
            + "the running tasks are never denied.");
    }
}
