using System.Globalization;
using System.Text.Json.Nodes;
using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Bot.Store;

/// <summary>
/// An event's `detail` as the task model diagnoses read. It resembles DescribeTasks' Task, but its
/// timestamps are ISO strings rather than epoch seconds; containers keep their order (sidecars may come first).
/// </summary>
internal static class ArchivedTaskMapper
{
    public static EcsTask ToTask(JsonObject detail) => new()
    {
        TaskArn = Text(detail, "taskArn") ?? "",
        ClusterArn = Text(detail, "clusterArn") ?? "",
        TaskDefinitionArn = Text(detail, "taskDefinitionArn") ?? "",
        LastStatus = Text(detail, "lastStatus"),
        DesiredStatus = Text(detail, "desiredStatus"),
        StopCode = Text(detail, "stopCode"),
        StoppedReason = Text(detail, "stoppedReason"),
        LaunchType = Text(detail, "launchType"),
        CapacityProviderName = Text(detail, "capacityProviderName"),
        ContainerInstanceArn = Text(detail, "containerInstanceArn"),
        Group = Text(detail, "group"),
        Cpu = Text(detail, "cpu"),
        Memory = Text(detail, "memory"),
        AvailabilityZone = Text(detail, "availabilityZone"),
        PlatformVersion = Text(detail, "platformVersion"),
        EnableExecuteCommand = detail["enableExecuteCommand"] is JsonValue flag && flag.TryGetValue<bool>(out var on) && on,
        CreatedAt = Time(detail, "createdAt"),
        StartedAt = Time(detail, "startedAt"),
        StoppingAt = Time(detail, "stoppingAt"),
        StoppedAt = Time(detail, "stoppedAt"),
        Containers = [.. (detail["containers"] as JsonArray ?? []).OfType<JsonObject>().Select(ToContainer)],
        Attachments = [.. (detail["attachments"] as JsonArray ?? []).OfType<JsonObject>().Select(ToAttachment)],
    };

    private static EcsContainer ToContainer(JsonObject container) => new()
    {
        Name = Text(container, "name") ?? "",
        Image = Text(container, "image"),
        LastStatus = Text(container, "lastStatus"),
        ExitCode = container["exitCode"] is JsonValue exit && exit.TryGetValue<int>(out var code) ? code : null,
        Reason = Text(container, "reason"),
        RuntimeId = Text(container, "runtimeId"),
    };

    private static EcsAttachment ToAttachment(JsonObject attachment) => new(
        Text(attachment, "type") ?? "",
        Text(attachment, "status"),
        (attachment["details"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(d => Text(d, "name") is not null)
            .GroupBy(d => Text(d, "name")!)
            .ToDictionary(g => g.Key, g => Text(g.First(), "value") ?? ""));

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static DateTimeOffset? Time(JsonObject node, string name) =>
        DateTimeOffset.TryParse(Text(node, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
