using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Tests.Events;
using DiagBot.Bot.Tests.Incidents;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Store;

/// <summary>
/// Two bot hosts behind one real Redis: the storm posts once per incident in total, not once per host; both hosts
/// show the same web feed; and when both hear a recovery at once, each thread says "Recovered" once.
/// </summary>
[Trait("Tier", "External")]
public sealed class TwoReplicaStormTests
{
    private const string ApiKey = "storm-key";
    private const string Channel = "C0INCIDENTS";
    private const int Services = 10;

    [Fact]
    public async Task Storm_TwoHostsSharingRedis_Post10InTotalShowOneFeedAndRecoverOnce()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var slack = await FakeSlack.StartAsync();
        string[] settings =
        [
            "--DiagBot:Store:Redis=" + redis.ConnectionString,

            // 2,000 deliveries at once on a shared machine: the store's 1.5 s bound is for a Redis that hangs, not this test.
            "--DiagBot:Store:TimeoutSeconds=30",
            "--DiagBot:Events:ApiKey=" + ApiKey,
            EventFixtures.FixtureRegionSetting,
            "--DiagBot:Slack:BotToken=xoxb-storm",
            "--DiagBot:Slack:SigningSecret=storm-secret",
            "--DiagBot:Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--DiagBot:Slack:IncidentChannel=" + Channel,
            "--DiagBot:Incidents:SlackMessagesPerSecond=5",
        ];
        await using var first = await RunningBot.StartAsync(settings);
        await using var second = await RunningBot.StartAsync(settings);
        var events = IncidentStormTests.StormEvents(services: Services, perService: 100);

        // Every event reaches both hosts, as an at-least-once redelivery behind a load balancer would.
        await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (e, ct) =>
        {
            var json = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["version"] = "0",
                ["id"] = e.Id,
                ["detail-type"] = e.DetailType,
                ["source"] = "aws.ecs",
                ["account"] = e.Account,
                ["time"] = e.Time,
                ["region"] = e.Region,
                ["resources"] = e.Resources,
                ["detail"] = e.Detail,
            });
            await Task.WhenAll(SendAsync(first, json, ct), SendAsync(second, json, ct));
        });

        var posts = await WaitForAsync(slack, TopLevelPosts, expected: Services);
        await Task.Delay(TimeSpan.FromSeconds(2)); // anything more would show up now
        posts = TopLevelPosts(slack);

        Assert.Equal(Services, posts.Count);
        Assert.All(posts, post => Assert.Equal(Channel, post.Json().GetProperty("channel").GetString()));
        var feeds = await Task.WhenAll(Feed(first), Feed(second));
        Assert.Equal(Services, feeds[0].Count);
        Assert.Equal(feeds[0], feeds[1]);

        // Each service reaches steady state and completes its deployment: two different recovery events, one per host, at once.
        await Parallel.ForEachAsync(Enumerable.Range(0, Services), async (i, ct) => await Task.WhenAll(
            SendAsync(first, Recovery(EventFixtures.SteadyState, i), ct),
            SendAsync(second, Recovery(EventFixtures.DeploymentCompleted, i), ct)));

        await WaitForAsync(slack, Recovered, expected: Services);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(Services, Recovered(slack).Count);
        Assert.Equal(Services, Recovered(slack).Select(reply => reply.Json().GetProperty("thread_ts").GetString()).Distinct().Count());
        var recoveredFeed = await Task.WhenAll(Feed(first), Feed(second));
        Assert.All(recoveredFeed, feed => Assert.All(feed, item => Assert.Contains("\"recovered\":true", item, StringComparison.Ordinal)));
    }

    private static async Task SendAsync(RunningBot bot, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "events/eventbridge") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-DiagBot-Key", ApiKey);
        using var response = await bot.Client.SendAsync(request, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    // The feed items without their thread, as text: two hosts must answer the same.
    private static async Task<List<string>> Feed(RunningBot bot) =>
        [.. (await bot.Client.GetFromJsonAsync<List<JsonObject>>("webchat/api/feed"))!.Select(item =>
        {
            item.Remove("thread");
            return item.ToJsonString();
        })];

    private static string Recovery(string fixture, int service)
    {
        var root = JsonNode.Parse(EventFixtures.Json(fixture))!.AsObject();
        var name = string.Create(CultureInfo.InvariantCulture, $"svc-{service}");
        root["id"] = $"{fixture}-{name}";
        root["resources"] = new JsonArray($"arn:aws:ecs:us-west-2:111122223333:service/FargateCluster/{name}");
        root["detail"]!["clusterArn"] = "arn:aws:ecs:us-west-2:111122223333:cluster/FargateCluster";
        return root.ToJsonString();
    }

    private static async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(FakeSlack slack, Func<FakeSlack, List<RecordedRequest>> read, int expected)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (read(slack).Count < expected && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        return read(slack);
    }

    private static List<RecordedRequest> TopLevelPosts(FakeSlack slack) =>
        [.. slack.Requests("api/chat.postMessage").Where(request => !request.Json().TryGetProperty("thread_ts", out _))];

    private static List<RecordedRequest> Recovered(FakeSlack slack) =>
        [.. slack.Requests("api/chat.postMessage").Where(request => request.Json().TryGetProperty("thread_ts", out _)
            && request.Json().GetProperty("text").GetString()!.Contains("Recovered: ", StringComparison.Ordinal))];
}
