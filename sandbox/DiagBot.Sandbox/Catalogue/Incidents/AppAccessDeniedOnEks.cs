using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 4 on EKS: payments/settlement-exporter's service account has no IAM role (no IRSA annotation, no Pod
/// Identity association), so no webhook injected credentials and the AWS SDK for JavaScript fell through to the node's
/// instance role, which may not write the export bucket. The error is IAM's, as the SDK logs it with the node role's
/// session named after the instance (external-secrets/kubernetes-external-secrets#419: "User: arn:aws:sts::...:
/// assumed-role/eksctl-...-NodeInstanceRole-.../i-0cee646fefe9d6da9 is not authorized to perform: ...", code
/// AccessDeniedException; S3's own form is "AccessDenied: User: ... because no identity-based policy allows the ... action").
/// </summary>
internal sealed class AppAccessDeniedOnEks : ICatalogueEntry
{
    public const string Name = "p04-eks-irsa-missing";
    public const string PodName = "settlement-exporter-5d7c8b9f4-k3m8p";
    public const string NodeRole = "eksctl-prod-eks-nodegroup-general-NodeInstanceRole-7HQ2KX9WZ3PL";
    private const string App = "settlement-exporter";
    private const string NodeInstance = "i-0b71d4e0c9a2f3b02";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, App, "3.1.4");
        var pod = new PodSpec("payments", PodName, App, image) { NodeName = EksLandscape.NodeB, PodIp = "10.0.36.141", CreatedMinutesAgo = 95 }
            .Seed(context);
        var denied = $"AccessDenied: User: arn:aws:sts::{context.Options.AccountId}:assumed-role/{NodeRole}/{NodeInstance} is not authorized to perform: "
            + "s3:PutObject on resource: \"arn:aws:s3:::prod-settlement-exports/2026/12/07/settlements-0415.csv\" "
            + "because no identity-based policy allows the s3:PutObject action";
        var escaped = denied.Replace("\"", "\\\"", StringComparison.Ordinal);
        KubeSeeds.Logs(context, pod, App, previous: false,
            "{\"level\":30,\"msg\":\"settlement batch 0400 exported\",\"rows\":1842}",
            $"{{\"level\":50,\"msg\":\"export failed\",\"err\":{{\"name\":\"AccessDenied\",\"message\":\"{escaped}\","
            + "\"$metadata\":{\"httpStatusCode\":403}}}",
            "{\"level\":40,\"msg\":\"retrying export in 300s\",\"attempt\":3}");
        DeploymentSeeds.Deployment(context, "payments", App, image, replicas: 1, available: 1, updated: 1, progressing: true, "settlement-exporter-5d7c8b9f4",
            createdMinutesAgo: 60 * 24 * 12);

        return new SandboxScenario(Name, 4, $"pod payments/{PodName}",
            "EKS pod payments/settlement-exporter gets AccessDenied writing to S3 as the node's instance role: "
            + "its service account has no IRSA role or Pod Identity association.");
    }
}
