using System.Text.Json.Nodes;
using DiagBot.Bot.Events;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Events;

/// <summary>The EventBridge event fixtures under Events/Fixtures; each names its source in `_source`.</summary>
internal static class EventFixtures
{
    /// <summary>The fixtures are AWS's samples from account 111122223333 (the sandbox's) in us-west-2: a bot taking them over HTTP lists that region.</summary>
    public const string FixtureRegionSetting = "--DiagBot:Aws:Accounts:0:Regions:1=us-west-2";

    public const string TaskFailed = "task-stopped-essential-exited";
    public const string TaskScaleIn = "task-stopped-scale-in";
    public const string TaskStoppedByUser = "task-stopped-by-user";
    public const string PlacementFailure = "service-action-placement-failure";
    public const string SteadyState = "service-action-steady-state";
    public const string DeploymentFailed = "deployment-failed";
    public const string DeploymentCompleted = "deployment-completed";

    public static string Json(string name) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "DiagBot.Bot.Tests", "Events", "Fixtures", name + ".json"));

    public static EcsEvent Event(string name) => EcsEvent.TryParse(Json(name))!;

    /// <summary>The fixture with a new event id, task and service: one more delivery of the same kind.</summary>
    public static EcsEvent Variant(string name, string eventId, string? service = null, string? taskId = null, string? cluster = null)
    {
        var root = JsonNode.Parse(Json(name))!.AsObject();
        root["id"] = eventId;
        var detail = root["detail"]!.AsObject();
        if (service is not null && detail["group"] is not null)
        {
            detail["group"] = "service:" + service;
        }

        if (service is not null && root["resources"]![0]!.GetValue<string>().Contains(":service/", StringComparison.Ordinal))
        {
            root["resources"] = new JsonArray($"arn:aws:ecs:us-west-2:111122223333:service/{cluster ?? "default"}/{service}");
        }

        if (taskId is not null && detail["taskArn"] is not null)
        {
            detail["taskArn"] = $"arn:aws:ecs:us-west-2:111122223333:task/{cluster ?? "FargateCluster"}/{taskId}";
        }

        return EcsEvent.From(root)!;
    }
}
