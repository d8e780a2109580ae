using System.Globalization;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>Which of a Deployment's pods shows its failure, and the Deployment's own state as evidence.</summary>
internal static class DeploymentPods
{
    private const string Source = "kubernetes deployments";

    /// <summary>A pod that cannot start beats one that is not ready, which beats one that restarted; else the newest name.</summary>
    public static KubePod? MostFailing(IReadOnlyList<KubePod> pods) => pods
        .OrderByDescending(Severity)
        .ThenBy(p => p.Name, StringComparer.Ordinal)
        .FirstOrDefault();

    public static string Summary(KubeDeployment deployment) => string.Create(CultureInfo.InvariantCulture,
        $"{deployment.AvailableReplicas} of {deployment.DesiredReplicas ?? deployment.Replicas} replicas available, {deployment.UpdatedReplicas} updated");

    public static IReadOnlyList<EvidenceItem> Evidence(KubeDeployment deployment, IReadOnlyList<KubePod>? pods)
    {
        var items = new List<EvidenceItem> { new(Source, $"deployment {deployment.Namespace}/{deployment.Name} available / desired replicas", string.Create(CultureInfo.InvariantCulture, $"{deployment.AvailableReplicas} / {deployment.DesiredReplicas ?? deployment.Replicas}")) };
        items.AddRange(deployment.Conditions
            .Where(c => c.Status != "True" || c.Type == "ReplicaFailure")
            .Select(c => new EvidenceItem(Source, $"deployment condition {c.Type}={c.Status}", $"{c.Reason}: {c.Message}")));
        if (pods is not null)
        {
            items.Add(new(Source, "pods selected, not ready", string.Create(CultureInfo.InvariantCulture, $"{pods.Count}, {pods.Count(p => !IsReady(p))}")));
        }

        return items;
    }

    private static int Severity(KubePod pod) =>
        pod.Phase is "Pending" or "Failed" || pod.ContainerStatuses.Any(c => c.WaitingReason is not null) ? 3
        : !IsReady(pod) ? 2
        : pod.ContainerStatuses.Any(c => c.RestartCount > 0) ? 1
        : 0;

    private static bool IsReady(KubePod pod) => pod.Conditions.Any(c => c.Type == "Ready" && c.Status == "True");
}
