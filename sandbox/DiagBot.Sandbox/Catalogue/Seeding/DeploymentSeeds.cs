using System.Text.Json.Nodes;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>
/// An apps/v1 Deployment owning seeded pods (selector app=&lt;app&gt; unless another selector and template labels are
/// given), with the status the deployment controller writes. Zero counts are left out, as the API server omits them.
/// </summary>
internal static class DeploymentSeeds
{
    public static JsonObject Deployment(SeedContext context, string ns, string app, string image, int replicas, int available, int updated, bool progressing, string replicaSet, int createdMinutesAgo, DeploymentSelector? selector = null)
    {
        var labels = selector?.TemplateLabels ?? new JsonObject { ["app"] = app };
        var status = new JsonObject { ["observedGeneration"] = 3 };
        Count(status, "replicas", Math.Max(replicas, updated));
        Count(status, "updatedReplicas", updated);
        Count(status, "readyReplicas", available);
        Count(status, "availableReplicas", available);
        Count(status, "unavailableReplicas", Math.Max(replicas, updated) - available);
        var since = context.Ago(Math.Min(createdMinutesAgo, 10));
        status["conditions"] = new JsonArray(
            available >= replicas
                ? Condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", since)
                : Condition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", since),
            progressing
                ? Condition("Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{replicaSet}\" is progressing.", since)
                : Condition("Progressing", "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{replicaSet}\" has timed out progressing.", since));

        var metadata = KubeSeeds.Metadata(context, selector?.Name ?? app, ns, createdMinutesAgo, labels.DeepClone().AsObject());
        metadata["generation"] = 3;
        metadata["annotations"] = new JsonObject { ["deployment.kubernetes.io/revision"] = "3" };
        return context.World.Kube.Add(KubeResource.Deployments, new JsonObject
        {
            ["kind"] = "Deployment",
            ["apiVersion"] = "apps/v1",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = selector?.Selector.DeepClone() ?? new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() },
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(new JsonObject { ["name"] = app, ["image"] = image, ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["protocol"] = "TCP" }) }),
                        ["restartPolicy"] = "Always",
                    },
                },
                ["strategy"] = new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = "25%", ["maxSurge"] = "25%" } },
                ["revisionHistoryLimit"] = 10,
                ["progressDeadlineSeconds"] = 600,
            },
            ["status"] = status,
        });
    }

    private static void Count(JsonObject status, string name, int value)
    {
        if (value > 0)
        {
            status[name] = value;
        }
    }

    private static JsonObject Condition(string type, string value, string reason, string message, DateTimeOffset since) => new()
    {
        ["type"] = type,
        ["status"] = value,
        ["lastUpdateTime"] = KubeSeeds.Time(since),
        ["lastTransitionTime"] = KubeSeeds.Time(since),
        ["reason"] = reason,
        ["message"] = message,
    };
}
