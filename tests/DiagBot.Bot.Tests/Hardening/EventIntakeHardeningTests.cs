using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DiagBot.Bot.Tests.Events;
using DiagBot.Bot.Tests.Support;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>
/// POST /events/eventbridge and /events/sns with hostile bodies, wrong content types, malformed and other-partition
/// ARNs and missing fields: every answer is a 4xx saying what was wrong (413 when too large), never a 5xx or a hang.
/// </summary>
public sealed class EventIntakeHardeningTests(ITestOutputHelper output)
{
    private const string ApiKey = "hardening-key";
    private const string EventBridge = "/events/eventbridge";
    private const string SnsPath = "/events/sns";

    public static readonly IReadOnlyList<(string Name, string Arn)> BadArns =
    [
        ("china partition", "arn:aws-cn:ecs:us-west-2:111122223333:task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad"),
        ("govcloud partition", "arn:aws-us-gov:ecs:us-west-2:111122223333:task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad"),
        ("unknown partition", "arn:aws-x:ecs:us-west-2:111122223333:task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad"),
        ("other region", "arn:aws:ecs:eu-west-1:111122223333:task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad"),
        ("other account", "arn:aws:ecs:us-west-2:999999999999:task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad"),
        ("other service", "arn:aws:s3:::my-bucket/key"),
        ("truncated", "arn:aws:ecs"),
        ("empty parts", "arn:::::"),
        ("no resource", "arn:aws:ecs:us-west-2:111122223333:"),
        ("not an arn", "task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad"),
        ("long", "arn:aws:ecs:us-west-2:111122223333:task/FargateCluster/" + new string('a', 5_000)),
    ];

    public static readonly IReadOnlyList<string> EnvelopeFields = ["id", "detail-type", "account", "region", "detail"];

    [Fact]
    public async Task HostileDeliveries_OnBothEventRoutes_AreClear4xxNeverServerErrorsOrHangs()
    {
        await using var bot = await RunningBot.StartAsync("--Logging:LogLevel:Default=None", "--DiagBot:Events:ApiKey=" + ApiKey, EventFixtures.FixtureRegionSetting, "--DiagBot:Events:Sns:Topics:0=arn:aws:sns:us-west-2:111122223333:ecs-events");
        var probe = new SurfaceProbe(bot.Client);
        var valid = EventFixtures.Json(EventFixtures.TaskFailed);

        foreach (var (name, body, contentType) in HostileInput.RawBodies(valid))
        {
            HttpStatusCode? tooLarge = body.Length >= HostileInput.OversizedBytes ? HttpStatusCode.RequestEntityTooLarge : null;
            await probe.SendAsync("eventbridge " + name, Keyed(SurfaceProbe.Raw(EventBridge, body, contentType)), expected: tooLarge, clientError: true);
            await probe.SendAsync("eventbridge unauthenticated " + name, SurfaceProbe.Raw(EventBridge, body, contentType), expected: HttpStatusCode.Unauthorized);
            await probe.SendAsync("sns " + name, SurfaceProbe.Raw(SnsPath, body, contentType), expected: tooLarge, clientError: true);
        }

        foreach (var (name, arn) in BadArns)
        {
            await probe.SendAsync("eventbridge resource " + name, Event(root => root["resources"] = new JsonArray(arn)), clientError: true);
            await probe.SendAsync("eventbridge clusterArn " + name, Event(root => root["detail"]!["clusterArn"] = arn), clientError: true);
            await probe.SendAsync("sns unsigned notification with " + name, Sns(Mutated(valid, root => root["resources"] = new JsonArray(arn))), expected: HttpStatusCode.Forbidden, clientError: true);
        }

        foreach (var field in EnvelopeFields)
        {
            await probe.SendAsync("eventbridge without " + field, Event(root => root.Remove(field)), clientError: true);
            await probe.SendAsync("eventbridge with numeric " + field, Event(root => root[field] = 42), clientError: true);
        }

        await probe.SendAsync("eventbridge resources not strings", Event(root => root["resources"] = new JsonArray(1, new JsonObject())), clientError: true);
        await probe.SendAsync("eventbridge account not 12 digits", Event(root => root["account"] = "1111-2222-3333"), clientError: true);
        await probe.SendAsync("eventbridge region made up", Event(root => root["region"] = "mars-north-1x"), clientError: true);
        await probe.SendAsync("eventbridge containers of wrong types", Event(root => root["detail"]!["containers"] = new JsonArray(new JsonObject { ["name"] = 7, ["exitCode"] = "x", ["reason"] = new JsonArray() })), expected: HttpStatusCode.Accepted);
        await probe.SendAsync("sns signed by nobody", Sns("{\"Type\":\"Notification\",\"MessageId\":\"1\",\"TopicArn\":\"arn:aws:sns:us-west-2:111122223333:t\",\"Message\":\"{}\",\"Timestamp\":\"2026-11-26T09:00:00Z\",\"SignatureVersion\":\"2\",\"Signature\":\"AAAA\",\"SigningCertURL\":\"https://evil.example/cert.pem\"}"), expected: HttpStatusCode.Forbidden, clientError: true);
        await probe.SendAsync("eventbridge valid event after all", Event(_ => { }), expected: HttpStatusCode.Accepted);

        output.WriteLine($"Event intake hardening cases tried: {probe.Tried}");
        Assert.True(probe.Tried >= PlannedCases, $"only {probe.Tried} cases tried, planned {PlannedCases}");
        Assert.True(probe.Failures.Count == 0, string.Join(Environment.NewLine, probe.Failures));
    }

    // 13 raw bodies on 3 routes, 11 ARNs 3 ways, 5 fields 2 ways, 6 singles.
    private const int PlannedCases = (13 * 3) + (11 * 3) + (5 * 2) + 6;

    private static HttpRequestMessage Keyed(HttpRequestMessage request)
    {
        request.Headers.Add("X-DiagBot-Key", ApiKey);
        return request;
    }

    private static HttpRequestMessage Event(Action<JsonObject> change) =>
        Keyed(SurfaceProbe.Raw(EventBridge, Encoding.UTF8.GetBytes(Mutated(EventFixtures.Json(EventFixtures.TaskFailed), change)), "application/json"));

    private static string Mutated(string json, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["id"] = Guid.NewGuid().ToString();
        change(root);
        return root.ToJsonString();
    }

    // An SNS notification carrying the event, unsigned: refused before the event is read.
    private static HttpRequestMessage Sns(string message) =>
        SurfaceProbe.Raw(SnsPath, Encoding.UTF8.GetBytes(new JsonObject
        {
            ["Type"] = "Notification",
            ["MessageId"] = Guid.NewGuid().ToString(),
            ["TopicArn"] = "arn:aws:sns:us-west-2:111122223333:ecs-events",
            ["Message"] = message,
            ["Timestamp"] = "2026-11-26T09:00:00.000Z",
            ["SignatureVersion"] = "2",
            ["Signature"] = "bm90IGEgc2lnbmF0dXJl",
            ["SigningCertURL"] = "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem",
        }.ToJsonString()), "text/plain; charset=UTF-8");
}
