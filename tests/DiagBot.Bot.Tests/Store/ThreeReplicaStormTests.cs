using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Tests.Events;
using DiagBot.Bot.Tests.Incidents;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Store;

/// <summary>
/// Three bot hosts behind one real Redis: a storm whose every event is delivered twice, to two different hosts in
/// shuffled order, posts once per incident in total, not once per host; every host shows the same web feed; and when
/// the hosts hear recoveries at once, each thread says "Recovered" once.
/// </summary>
[Trait("Tier", "External")]
public sealed class ThreeReplicaStormTests
{
    private const string ApiKey = "storm-key";
    private const string Channel = "C0INCIDENTS";
    private const int Services = 10;
    private const int Replicas = 3;

    // Only a bound on how long a loaded machine may take; the test asserts counts, never times.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Storm_ThreeHostsSharingRedis_PostOncePerServiceShowOneFeedAndRecoverOnce()
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
        var bots = new List<RunningBot>();
        try
        {
            for (var i = 0; i < Replicas; i++)
            {
                bots.Add(await RunningBot.StartWithOwnSandboxAsync(settings));
            }

            await StormAsync(bots, slack);
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }
        }
    }

    private static async Task StormAsync(List<RunningBot> bots, FakeSlack slack)
    {
        // Every event twice, to two different hosts, the copies apart in a shuffled order: an at-least-once redelivery behind a load balancer.
        var events = IncidentStormTests.StormEvents(services: Services, perService: 100).Select(Json).ToList();
        var deliveries = events.SelectMany((json, i) => new[] { (Bot: bots[i % Replicas], Json: json), (Bot: bots[(i + 1) % Replicas], Json: json) }).ToArray();
        new Random(22).Shuffle(deliveries);
        await Parallel.ForEachAsync(
            deliveries, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (delivery, ct) => await SendAsync(delivery.Bot, delivery.Json, ct));

        await WaitForAsync(slack, TopLevelPosts, expected: Services);
        await DrainedAsync(bots); // every host has sent all it queued: a second post for an incident would be among them
        var posts = TopLevelPosts(slack);

        var texts = posts.Select(post => post.Json().GetProperty("text").GetString()!).ToList();
        Assert.True(posts.Count == Services, $"{posts.Count} posts for {Services} services:\n" + string.Join("\n", texts));
        Assert.Equal(Services, texts.Select(ServiceOf).Distinct().Count());
        Assert.All(posts, post => Assert.Equal(Channel, post.Json().GetProperty("channel").GetString()));
        var feeds = await Task.WhenAll(bots.Select(Feed));
        Assert.Equal(Services, feeds[0].Count);
        Assert.All(feeds, feed => Assert.Equal(feeds[0], feed));

        // Each service reaches steady state and completes its deployment: recoveries to every host at once (one a redelivery).
        await Parallel.ForEachAsync(Enumerable.Range(0, Services), async (i, ct) => await Task.WhenAll(
            SendAsync(bots[0], Recovery(EventFixtures.SteadyState, i), ct),
            SendAsync(bots[1], Recovery(EventFixtures.DeploymentCompleted, i), ct),
            SendAsync(bots[2], Recovery(EventFixtures.SteadyState, i), ct)));

        await WaitForAsync(slack, Recovered, expected: Services);
        await DrainedAsync(bots);
        Assert.Equal(Services, Recovered(slack).Count);
        Assert.Equal(Services, Recovered(slack).Select(reply => reply.Json().GetProperty("thread_ts").GetString()).Distinct().Count());
        var recoveredFeed = await Task.WhenAll(bots.Select(Feed));
        Assert.All(recoveredFeed, feed => Assert.All(feed, item => Assert.Contains("\"recovered\":true", item, StringComparison.Ordinal)));
    }

    private static string Json(DiagBot.Bot.Events.EcsEvent e) => JsonSerializer.Serialize(new Dictionary<string, object>
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

    // The post names its service: "... in service svc-3 (cluster ...)" (SlackIncidentChannel.Body).
    private static string ServiceOf(string text)
    {
        var end = text.IndexOf(" (cluster ", StringComparison.Ordinal);
        return text[text.LastIndexOf(" in ", end, StringComparison.Ordinal)..end];
    }

    private static async Task SendAsync(RunningBot bot, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "events/eventbridge")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-DiagBot-Key", ApiKey);
        using var response = await bot.Client.SendAsync(request, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    // The feed items without their thread, as text: every host must answer the same.
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

    private static async Task WaitForAsync(FakeSlack slack, Func<FakeSlack, List<RecordedRequest>> read, int expected)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (read(slack).Count < expected && waited.Elapsed < Patience)
        {
            await Task.Delay(100);
        }
    }

    // Until no host has a message waiting for the channel (a barrier, not a pause: nothing is assumed to have finished).
    private static async Task DrainedAsync(List<RunningBot> bots)
    {
        var publishers = bots.Select(bot => bot.Services.GetRequiredService<IncidentPublisher>()).ToList();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (publishers.Any(publisher => publisher.Pending > 0) && waited.Elapsed < Patience)
        {
            await Task.Delay(100);
        }
    }

    private static List<RecordedRequest> TopLevelPosts(FakeSlack slack) =>
        [.. slack.Requests("api/chat.postMessage").Where(request => !request.Json().TryGetProperty("thread_ts", out _))];

    private static List<RecordedRequest> Recovered(FakeSlack slack) =>
        [.. slack.Requests("api/chat.postMessage").Where(request => request.Json().TryGetProperty("thread_ts", out _)
            && request.Json().GetProperty("text").GetString()!.Contains("Recovered: ", StringComparison.Ordinal))];
}
