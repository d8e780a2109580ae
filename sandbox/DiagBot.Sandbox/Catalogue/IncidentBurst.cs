using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Catalogue.Incidents;
using DiagBot.Sandbox.Catalogue.Seeding;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Catalogue;

/// <summary>
/// A bad deploy in miniature: copies of the OOM incident's stopped task, added so DescribeTasks knows them,
/// each with the EventBridge "ECS Task State Change" event ECS would have sent (ISO timestamps, as events carry).
/// </summary>
internal static class IncidentBurst
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public static SandboxIncidentBurst Start(SandboxWorld world, IReadOnlyList<SandboxScenario> scenarios, int count, DateTimeOffset now)
    {
        var subject = scenarios.First(s => s.Name == TaskOutOfMemory.Name).Subject;
        var template = world.Ecs.Tasks.First(t => t.TaskArn == subject);
        var service = template.Group?.Replace("service:", "", StringComparison.Ordinal) ?? "standalone";
        var burst = Guid.NewGuid().ToString("N");
        var events = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var id = SeedContext.TaskId(string.Create(CultureInfo.InvariantCulture, $"burst/{burst}/{i}"));
            var arn = template.TaskArn[..(template.TaskArn.LastIndexOf('/') + 1)] + id;
            var stoppedAt = now.AddSeconds(i - count);
            var task = template with
            {
                TaskArn = arn,
                StoppedAt = stoppedAt,
                StoppingAt = stoppedAt.AddSeconds(-40),
                Containers = [.. template.Containers.Select(c => c with { TaskArn = arn })],
            };
            world.Ecs.Add(task);
            events.Add(EventFor(world.Options, task, stoppedAt));
        }

        return new SandboxIncidentBurst(service, EcsArns.LastSegment(template.ClusterArn), events);
    }

    private static string EventFor(SandboxOptions options, EcsTask task, DateTimeOffset time) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "ECS Task State Change",
        ["source"] = "aws.ecs",
        ["account"] = options.AccountId,
        ["time"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["region"] = options.Region,
        ["resources"] = new JsonArray(task.TaskArn),
        ["detail"] = JsonSerializer.SerializeToNode(task, EventJson),
    }.ToJsonString();
}
