using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiagBot.Bot.Events;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Sandbox;

namespace DiagBot.Bench;

/// <summary>
/// The storm's events: "ECS Task State Change" events for STOPPED tasks of failing services, in the shape
/// EventBridge delivers them (envelope, then the task as `detail`, ISO timestamps). Each service's events copy
/// one of its seeded stopped tasks, read from the sandbox through the live ECS client, under fresh task ids.
/// </summary>
internal static partial class StormEvents
{
    /// <param name="Seeded">False for a service name the sandbox does not know (a second name for a seeded failure).</param>
    public sealed record FailingService(string Name, EcsTask Template, string Account, string Region, bool Seeded = true);

    /// <summary>
    /// Services of the sandbox with a stopped task whose event DiagBot counts as a failure, one template task per
    /// service: the services of the seeded task incidents and those named by service incidents (their stopped tasks).
    /// </summary>
    public static async Task<IReadOnlyList<FailingService>> FailingServicesAsync(SandboxServer sandbox, IEvidenceSessionFactory sessions, int count)
    {
        var ecs = sessions.StartSession().Ecs;
        var found = new List<FailingService>();
        foreach (var task in await CandidateTasksAsync(sandbox, ecs))
        {
            if (task.Group?.StartsWith("service:", StringComparison.Ordinal) != true || found.Any(f => f.Name == task.Group && f.Template.ClusterArn == task.ClusterArn))
            {
                continue;
            }

            var arn = task.TaskArn.Split(':');
            var service = new FailingService(task.Group, task, arn[4], arn[3]);
            if (EcsEvent.TryParse(Event(service, 0, DateTimeOffset.UnixEpoch)) is { } probe && EcsEventClassifier.Classify(probe).Meaning == EventMeaning.Failure)
            {
                found.Add(service);
            }
        }

        if (found.Count == 0)
        {
            throw new InvalidOperationException("the sandbox has no service with a failed stopped task");
        }

        // The sandbox seeds fewer failing services than a storm wants: the rest are the same failures under another
        // name (a canary of the service, then canary2, ...), which the sandbox does not know; their diagnoses read the kept events.
        var seeded = found.Count;
        for (var i = 0; found.Count < count; i++)
        {
            var twin = found[i % seeded];
            var suffix = i < seeded ? "-canary" : string.Create(CultureInfo.InvariantCulture, $"-canary{(i / seeded) + 1}");
            found.Add(twin with { Name = twin.Name + suffix, Seeded = false, Template = twin.Template with { Group = twin.Template.Group + suffix } });
        }

        return found.Take(count).ToList();
    }

    private static async Task<List<EcsTask>> CandidateTasksAsync(SandboxServer sandbox, IEcsEvidence ecs)
    {
        var tasks = new List<EcsTask>();
        foreach (var subject in sandbox.Scenarios.Select(s => s.Subject))
        {
            if (EcsTaskRef.TryParse(subject, out var reference) && (await ecs.DescribeTaskAsync(reference, CancellationToken.None)).Value is { LastStatus: "STOPPED" } task)
            {
                tasks.Add(task);
            }
            else if (ServiceSubject().Match(subject) is { Success: true } service)
            {
                var query = new EcsTaskListQuery(service.Groups[2].Value) { ServiceName = service.Groups[1].Value, DesiredStatus = "STOPPED", MaxTasks = 5 };
                foreach (var arn in (await ecs.ListTasksAsync(query, CancellationToken.None)).Value ?? [])
                {
                    if (EcsTaskRef.TryParse(arn, out var stopped) && (await ecs.DescribeTaskAsync(stopped, CancellationToken.None)).Value is { } listed)
                    {
                        tasks.Add(listed);
                    }
                }
            }
        }

        return tasks;
    }

    public static string Event(FailingService service, int sequence, DateTimeOffset at)
    {
        var template = service.Template;
        var taskId = Convert.ToHexStringLower(BitConverter.GetBytes((long)sequence)) + Guid.NewGuid().ToString("N")[..16];
        var taskArn = template.TaskArn[..(template.TaskArn.LastIndexOf('/') + 1)] + taskId;
        var containers = new JsonArray([.. template.Containers.Select(c => (JsonNode)new JsonObject
        {
            ["containerArn"] = $"arn:aws:ecs:{service.Region}:{service.Account}:container/{template.ClusterName}/{taskId}/{Guid.NewGuid()}",
            ["name"] = c.Name,
            ["image"] = c.Image,
            ["lastStatus"] = "STOPPED",
            ["exitCode"] = c.ExitCode,
            ["reason"] = c.Reason,
            ["taskArn"] = taskArn,
        })]);
        var detail = new JsonObject
        {
            ["clusterArn"] = template.ClusterArn,
            ["containers"] = containers,
            ["createdAt"] = Iso(at.AddMinutes(-2)),
            ["desiredStatus"] = "STOPPED",
            ["group"] = template.Group,
            ["lastStatus"] = "STOPPED",
            ["launchType"] = template.LaunchType,
            ["cpu"] = template.Cpu,
            ["memory"] = template.Memory,
            ["startedAt"] = Iso(at.AddMinutes(-1)),
            ["stopCode"] = template.StopCode,
            ["stoppedAt"] = Iso(at),
            ["stoppedReason"] = template.StoppedReason,
            ["stoppingAt"] = Iso(at.AddSeconds(-5)),
            ["taskArn"] = taskArn,
            ["taskDefinitionArn"] = template.TaskDefinitionArn,
            ["updatedAt"] = Iso(at),
            ["version"] = 4,
        };
        return new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = "ECS Task State Change",
            ["source"] = "aws.ecs",
            ["account"] = service.Account,
            ["time"] = Iso(at),
            ["region"] = service.Region,
            ["resources"] = new JsonArray(taskArn),
            ["detail"] = detail,
        }.ToJsonString();
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^service (\S+) in (\S+)$")]
    private static partial Regex ServiceSubject();
}
