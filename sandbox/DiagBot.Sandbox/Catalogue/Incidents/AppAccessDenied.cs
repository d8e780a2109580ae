using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 4: the task runs, but the application's calls are denied. The denied principal in the log line and in
/// CloudTrail is the task role (not the execution role), which lacks kms:GenerateDataKey.
/// </summary>
internal sealed class AppAccessDenied : ICatalogueEntry
{
    public const string Name = "p04-app-access-denied";
    private const string ServiceName = "report-exporter";

    public SandboxScenario Seed(SeedContext context)
    {
        var account = context.Options.AccountId;
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 8, cpu: "256", memory: "512",
            EcsSeeds.Container("exporter", EcsSeeds.Image(context, ServiceName, "2.0.4"), memory: 512));
        var cluster = ProdLandscape.Cluster(context);
        EcsServiceSeeds.Service(context, cluster, ServiceName, definition, desiredCount: 1);
        var task = EcsSeeds.FargateTask(context, cluster, Name, definition, TaskLife.Running(context, ServiceName, minutesAgo: 300));
        var taskId = EcsSeeds.TaskId(task);

        var keyArn = $"arn:aws:kms:{context.Options.Region}:{account}:key/{Guid.Parse(SeedContext.Hex("kms/" + Name, 32))}";
        var denial = $"User: arn:aws:sts::{account}:assumed-role/{ServiceName}-task-role/{taskId} is not authorized to perform: kms:GenerateDataKey on resource: {keyArn} because no identity-based policy allows the kms:GenerateDataKey action";
        EvidenceSeeds.Logs(context, "/ecs/exporter", EvidenceSeeds.StreamFor("exporter", task.TaskArn), 20,
            "INFO report-exporter 2.0.4 starting, bucket=acme-prod-reports",
            "INFO export job daily-ledger picked up (rows=184220)",
            $"ERROR export job daily-ledger failed: operation error KMS: GenerateDataKey, https response error StatusCode: 400, RequestID: {Guid.Parse(SeedContext.Hex("req/" + Name, 32))}, api error AccessDeniedException: {denial}",
            "WARN retrying export job daily-ledger in 60s",
            $"ERROR export job daily-ledger failed: operation error KMS: GenerateDataKey, api error AccessDeniedException: {denial}");
        EvidenceSeeds.Trail(context, Name, "kms.amazonaws.com", "GenerateDataKey", $"{ServiceName}-task-role", taskId, minutesAgo: 19,
            errorCode: "AccessDenied", errorMessage: denial, requestParameters: new Dictionary<string, string> { ["keyId"] = keyArn, ["keySpec"] = "AES_256" },
            resources: ("AWS::KMS::Key", keyArn));

        return new SandboxScenario(Name, 4, $"service {ServiceName} in {cluster.ClusterName}",
            "Service report-exporter runs but its exports fail: AccessDeniedException for kms:GenerateDataKey by the task role report-exporter-task-role.");
    }
}
