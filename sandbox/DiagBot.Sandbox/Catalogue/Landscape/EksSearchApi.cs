using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Landscape;

/// <summary>
/// shop/search-api selects its pods with matchExpressions only (app In [search-api], track NotIn [canary]) so that its
/// canary, a separate Deployment whose pods carry the same app label, is not counted as its own. One stable pod was
/// OOM-killed twice and runs again; the canary crash-loops, and a selector read as app=search-api alone would pick it.
/// </summary>
internal static class EksSearchApi
{
    public const string Namespace = "shop";
    public const string StableHealthyPod = "search-api-7b9d5c6f8-2vqkt";
    public const string StableRestartedPod = "search-api-7b9d5c6f8-8hzwm";
    public const string CanaryPod = "search-api-canary-5c8d7f9b6-j4rtn";

    public static void Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, "search-api", "4.3.0");
        var canaryImage = EcsSeeds.Image(context, "search-api", "4.4.0-rc.1");

        Pod(context, new PodSpec(Namespace, StableHealthyPod, "search-api", image) { NodeName = EksLandscape.NodeA, PodIp = "10.0.5.61", CreatedMinutesAgo = 60 * 26 }, "stable");
        Pod(context, new PodSpec(Namespace, StableRestartedPod, "search-api", image)
        {
            NodeName = EksLandscape.NodeC,
            PodIp = "10.0.13.88",
            CreatedMinutesAgo = 60 * 26,
            RestartCount = 2,
            State = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubeSeeds.Time(context.Ago(38)) } },
            LastState = KubeSeeds.Terminated(context, StableRestartedPod, 137, "OOMKilled", 60 * 3, 38),
        }, "stable");
        Pod(context, new PodSpec(Namespace, CanaryPod, "search-api", canaryImage)
        {
            NodeName = EksLandscape.NodeB,
            PodIp = "10.0.38.19",
            CreatedMinutesAgo = 45,
            Ready = false,
            RestartCount = 9,
            State = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "CrashLoopBackOff", ["message"] = "back-off 5m0s restarting failed container=search-api pod=search-api-canary-5c8d7f9b6-j4rtn_shop" } },
            LastState = KubeSeeds.Terminated(context, CanaryPod, 1, "Error", 4, 4),
        }, "canary");

        var stable = new DeploymentSelector("search-api",
            new JsonObject
            {
                ["matchExpressions"] = new JsonArray(
                    new JsonObject { ["key"] = "app", ["operator"] = "In", ["values"] = new JsonArray("search-api") },
                    new JsonObject { ["key"] = "track", ["operator"] = "NotIn", ["values"] = new JsonArray("canary") }),
            },
            new JsonObject { ["app"] = "search-api", ["track"] = "stable" });
        DeploymentSeeds.Deployment(context, Namespace, "search-api", image, replicas: 2, available: 2, updated: 2, progressing: true, "search-api-7b9d5c6f8", createdMinutesAgo: 60 * 24 * 60, stable);

        var canary = new DeploymentSelector("search-api-canary",
            new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "search-api", ["track"] = "canary" } },
            new JsonObject { ["app"] = "search-api", ["track"] = "canary" });
        DeploymentSeeds.Deployment(context, Namespace, "search-api", canaryImage, replicas: 1, available: 0, updated: 1, progressing: true, "search-api-canary-5c8d7f9b6", createdMinutesAgo: 60 * 24 * 60, canary);
    }

    private static void Pod(SeedContext context, PodSpec spec, string track) => spec.Seed(context)["metadata"]!["labels"]!["track"] = track;
}
