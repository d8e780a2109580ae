using System.Text.Json;
using System.Xml.Linq;

namespace DiagBot.Sandbox.Tests.Support;

/// <summary>Reads a scenario's evidence the way a playbook would, through the wire APIs.</summary>
internal sealed class SandboxProbe(SandboxServer server)
{
    private const string Ecs = "AmazonEC2ContainerServiceV20141113.";
    private static readonly HttpClient _http = new();

    private AwsTestClient Client => new(server);

    public string Subject(string scenario) => server.Scenarios.Single(s => s.Name == scenario).Subject;

    public async Task<JsonElement> TaskAsync(string scenario)
    {
        var arn = Subject(scenario);
        var reply = await Client.JsonAsync("ecs", Ecs + "DescribeTasks", new { cluster = arn.Split('/')[1], tasks = new[] { arn } });
        return reply.Json.GetProperty("tasks")[0];
    }

    public async Task<JsonElement> ServiceAsync(string cluster, string name)
    {
        var reply = await Client.JsonAsync("ecs", Ecs + "DescribeServices", new { cluster, services = new[] { name } });
        return reply.Json.GetProperty("services")[0];
    }

    public async Task<JsonElement> TaskDefinitionAsync(string reference)
    {
        var reply = await Client.JsonAsync("ecs", Ecs + "DescribeTaskDefinition", new { taskDefinition = reference });
        return reply.Json.GetProperty("taskDefinition");
    }

    public async Task<IReadOnlyList<string>> LogMessagesAsync(string group, string stream)
    {
        var reply = await Client.JsonAsync("logs", "Logs_20140328.GetLogEvents", new { logGroupName = group, logStreamName = stream, startFromHead = true });
        return [.. reply.Json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!)];
    }

    public async Task<JsonElement> TrailRecordAsync(string eventName)
    {
        var reply = await Client.JsonAsync("cloudtrail", "CloudTrail_20131101.LookupEvents",
            new { LookupAttributes = new[] { new { AttributeKey = "EventName", AttributeValue = eventName } } });
        return JsonDocument.Parse(reply.Json.GetProperty("Events")[0].GetProperty("CloudTrailEvent").GetString()!).RootElement;
    }

    public async Task<XElement> Ec2Async(string action, params (string Key, string Value)[] parameters)
    {
        var reply = await Client.QueryAsync("ec2", AwsForms.Action(action, "2016-11-15", parameters));
        return XDocument.Parse(reply.Body).Root!;
    }

    public async Task<XElement> ElbAsync(string action, params (string Key, string Value)[] parameters)
    {
        var reply = await Client.QueryAsync("elasticloadbalancing", AwsForms.Action(action, "2015-12-01", parameters));
        return XDocument.Parse(reply.Body).Root!;
    }

    public async Task<JsonElement> KubeAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(server.BaseAddress, path));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static string Detail(JsonElement task, string name) =>
        task.GetProperty("attachments")[0].GetProperty("details").EnumerateArray().First(d => d.GetProperty("name").GetString() == name).GetProperty("value").GetString()!;

    public static IEnumerable<string> Values(XElement root, string name) =>
        root.Descendants().Where(e => e.Name.LocalName == name).Select(e => e.Value);
}
