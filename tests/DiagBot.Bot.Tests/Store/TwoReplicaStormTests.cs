using System.Net.Http.Json;
using DiagBot.Bot.Tests.Incidents;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Store;

/// <summary>Two bot hosts behind one Redis: the storm posts once per incident in total, not once per host.</summary>
public sealed class TwoReplicaStormTests
{
    private const string ApiKey = "storm-key";
    private const string Channel = "C0INCIDENTS";

    [Fact]
    public async Task Storm_TwoHostsSharingRedis_Post10InTotal()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var slack = await FakeSlack.StartAsync();
        string[] settings =
        [
            "--DiagBot:Store:Redis=" + redis.ConnectionString,
            "--DiagBot:Events:ApiKey=" + ApiKey,
            "--DiagBot:Slack:BotToken=xoxb-storm",
            "--DiagBot:Slack:SigningSecret=storm-secret",
            "--DiagBot:Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--DiagBot:Slack:IncidentChannel=" + Channel,
            "--DiagBot:Incidents:SlackMessagesPerSecond=5",
        ];
        await using var first = await RunningBot.StartAsync(settings);
        await using var second = await RunningBot.StartAsync(settings);
        var events = IncidentStormTests.StormEvents(services: 10, perService: 100);

        // Every event reaches both hosts, as an at-least-once redelivery behind a load balancer would.
        await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (e, ct) =>
        {
            var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
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
            foreach (var bot in new[] { first, second })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "events/eventbridge") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Add("X-DiagBot-Key", ApiKey);
                using var response = await bot.Client.SendAsync(request, ct);
                Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            }
        });

        var posts = await WaitForPostsAsync(slack, expected: 10);
        await Task.Delay(TimeSpan.FromSeconds(2)); // anything more would show up now
        posts = TopLevelPosts(slack);

        Assert.Equal(10, posts.Count);
        Assert.All(posts, post => Assert.Equal(Channel, post.Json().GetProperty("channel").GetString()));
        var feeds = await Task.WhenAll(first.Client.GetFromJsonAsync<List<object>>("webchat/api/feed"), second.Client.GetFromJsonAsync<List<object>>("webchat/api/feed"));
        Assert.Equal(10, feeds.Sum(feed => feed!.Count));
    }

    private static async Task<IReadOnlyList<RecordedRequest>> WaitForPostsAsync(FakeSlack slack, int expected)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (TopLevelPosts(slack).Count < expected && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        return TopLevelPosts(slack);
    }

    private static List<RecordedRequest> TopLevelPosts(FakeSlack slack) =>
        [.. slack.Requests("api/chat.postMessage").Where(request => !request.Json().TryGetProperty("thread_ts", out _))];
}
