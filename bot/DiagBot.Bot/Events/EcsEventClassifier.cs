using System.Globalization;
using System.Text.Json.Nodes;

namespace DiagBot.Bot.Events;

/// <summary>
/// Failure or normal stop, from the event alone (no AWS call). Stop codes and event names are ECS's own
/// (ecs_task_events, ecs_service_events and ecs_service_deployment_events in the ECS Developer Guide).
/// </summary>
internal static class EcsEventClassifier
{
    private static readonly string[] FailureStopCodes = ["TaskFailedToStart", "SpotInterruption", "TerminationNotice"];
    private static readonly string[] FailureServiceActions = ["SERVICE_TASK_PLACEMENT_FAILURE", "SERVICE_TASK_START_IMPAIRED", "SERVICE_TASK_CONFIGURATION_FAILURE"];
    private static readonly string[] FailureWords = ["health check", "CannotPull", "ResourceInitializationError", "OutOfMemory", "OOM", "Timeout", "error"];

    public static ClassifiedEvent Classify(EcsEvent e) => e.DetailType switch
    {
        EcsEvent.TaskStateChange => ClassifyTask(e),
        EcsEvent.ServiceAction => ClassifyService(e, FailureServiceActions, "SERVICE_STEADY_STATE"),
        EcsEvent.DeploymentStateChange => ClassifyService(e, ["SERVICE_DEPLOYMENT_FAILED"], "SERVICE_DEPLOYMENT_COMPLETED"),
        _ => ClassifiedEvent.Ignored($"detail-type {e.DetailType} is not watched"),
    };

    private static ClassifiedEvent ClassifyTask(EcsEvent e)
    {
        if (e.Text("lastStatus") != "STOPPED")
        {
            return ClassifiedEvent.Ignored($"task is {e.Text("lastStatus")}, not STOPPED");
        }

        var stopCode = e.Text("stopCode") ?? "";
        var reason = e.Text("stoppedReason") ?? "";
        var containers = e.Detail["containers"] as JsonArray ?? [];
        var failedContainers = containers.OfType<JsonObject>().Where(Failed).ToList();
        var failed = FailureStopCodes.Contains(stopCode, StringComparer.Ordinal)
            || (stopCode == "EssentialContainerExited" && failedContainers.Count > 0)
            || (stopCode != "UserInitiated" && FailureWords.Any(word => reason.Contains(word, StringComparison.OrdinalIgnoreCase)));
        if (!failed)
        {
            return ClassifiedEvent.Ignored($"normal stop ({stopCode}: {reason})");
        }

        var evidence = string.Join("; ", new[] { stopCode, reason }.Concat(failedContainers.Select(Describe)).Where(s => s.Length > 0));
        var cluster = EcsArn.ClusterOf(e.Text("clusterArn")) ?? "";
        return new ClassifiedEvent(EventMeaning.Failure, cluster, EcsArn.ServiceOfGroup(e.Text("group")), e.Text("taskArn"), evidence);
    }

    private static ClassifiedEvent ClassifyService(EcsEvent e, string[] failures, string recovery)
    {
        var name = e.Text("eventName") ?? "";
        var serviceArn = e.Resources.FirstOrDefault(r => r.Contains(":service/", StringComparison.Ordinal)) ?? "";
        var cluster = EcsArn.ClusterOf(e.Text("clusterArn")) ?? EcsArn.ClusterOf(serviceArn) ?? "";
        var service = serviceArn.Length > 0 ? EcsArn.LastSegment(serviceArn) : null;
        var meaning = failures.Contains(name, StringComparer.Ordinal) ? EventMeaning.Failure
            : name == recovery ? EventMeaning.Recovery
            : EventMeaning.Ignore;
        var evidence = string.Join("; ", new[] { name, e.Text("reason") ?? "" }.Where(s => s.Length > 0));
        return meaning == EventMeaning.Ignore ? ClassifiedEvent.Ignored(evidence) : new ClassifiedEvent(meaning, cluster, service, null, evidence);
    }

    private static bool Failed(JsonObject container)
    {
        var exit = container["exitCode"] is JsonValue value && value.TryGetValue<int>(out var code) ? code : (int?)null;
        return exit is not null and not 0 || (exit is null && container["reason"] is not null);
    }

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Describe(JsonObject container)
    {
        var exit = container["exitCode"]?.ToJsonString() ?? "none";
        var reason = Text(container, "reason");
        return string.Create(CultureInfo.InvariantCulture, $"container {Text(container, "name")} exit {exit}{(reason is null ? "" : ": " + reason)}");
    }
}
