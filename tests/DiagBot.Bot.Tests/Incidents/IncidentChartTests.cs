using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DiagBot.Bot.Tests.Charts;
using DiagBot.Bot.Tests.Events;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Teams.Fakes;
using DiagBot.Sandbox;

namespace DiagBot.Bot.Tests.Incidents;

/// <summary>
/// A seeded incident whose mode has a chart (the OOM task, p07) arrives as an EventBridge event: its first post carries
/// the memory chart in every incident channel: uploaded into the Slack post's thread, an image on the Teams card, and
/// a picture in the web chat's feed.
/// </summary>
public sealed class IncidentChartTests
{
    private const string ApiKey = "chart-key";
    private const string TeamChannel = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2";
    private const string Tenant = "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f";

    [Fact]
    public async Task OomTaskEvent_FirstPost_CarriesTheMemoryChartInSlackTeamsAndTheFeed()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var teams = await TeamsBotHarness.StartAsync(
            $"--DiagBot:Teams:IncidentConversation={TeamChannel}",
            $"--DiagBot:Teams:TenantId={Tenant}",
            "--DiagBot:Events:ApiKey=" + ApiKey,
            "--DiagBot:Slack:BotToken=" + SlackBot.BotToken,
            "--DiagBot:Slack:SigningSecret=chart-secret",
            "--DiagBot:Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--DiagBot:Slack:IncidentChannel=C0INCIDENTS");
        await teams.PostAsync(BotAdded(teams), teams.Token());
        await teams.Connector.NextAsync(call => call.ActivityType == "message");

        await SendAsync(teams, OomEvent(teams.Service<SandboxServer>()));

        // Slack: the post, then the chart's upload flow into that post's thread.
        var complete = (await slack.WaitForAsync("api/files.completeUploadExternal")).Json();
        // The incident post was the fake's first chat.postMessage, so its ts is the fake's first.
        var post = slack.Requests("api/chat.postMessage")[0];
        Assert.False(post.Json().TryGetProperty("thread_ts", out _));
        Assert.Equal("1700000000.000001", complete.GetProperty("thread_ts").GetString());
        Assert.Equal("C0INCIDENTS", complete.GetProperty("channel_id").GetString());
        var title = complete.GetProperty("files")[0].GetProperty("title").GetString();
        Assert.StartsWith("Task 6ccd4eee memory reached its 512 MiB limit", title, StringComparison.Ordinal);
        var ticket = Assert.Single(slack.Requests("api/files.getUploadURLExternal")).Form();
        Assert.Equal("1-task-out-of-memory-memory-vs-limit.png", ticket["filename"]);
        using (var png = new PngPixels(Assert.Single(slack.Uploads).Bytes))
        {
            Assert.Equal(1200, png.Width);
        }

        // Teams: the incident card starts a thread with the chart as an image.
        var create = await teams.Connector.NextAsync(call => call.Path == "/v3/conversations");
        var image = Images(create.Body!["activity"]!["attachments"]![0]!["content"]!).Single();
        Assert.StartsWith("data:image/png;base64,", image["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Chart: Task 6ccd4eee memory reached its 512 MiB limit", image["altText"]!.GetValue<string>(), StringComparison.Ordinal);

        // The feed lists the chart's words and a URL on the bot itself that answers the PNG.
        var feed = await teams.Bot.Client.GetFromJsonAsync<JsonArray>("webchat/api/feed");
        var chart = Assert.Single(feed!.Single()!["charts"]!.AsArray())!;
        Assert.Equal("memory-vs-limit", chart["kind"]!.GetValue<string>());
        Assert.StartsWith("Chart: Task 6ccd4eee memory reached its 512 MiB limit", chart["alt"]!.GetValue<string>(), StringComparison.Ordinal);
        using var picture = await teams.Bot.Client.GetAsync(new Uri(chart["image"]!.GetValue<string>().TrimStart('/'), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        using var drawn = new PngPixels(await picture.Content.ReadAsByteArrayAsync());
        Assert.Equal(1200, drawn.Width);
    }

    [Fact]
    public async Task FeedChart_UnknownIncidentOrIndex_IsNotFound()
    {
        await using var bot = await Support.RunningBot.StartAsync();

        using var unknown = await bot.Client.GetAsync(new Uri("webchat/api/feed/chart?incident=nope&n=0", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    // The task's ECS Task State Change as EventBridge delivers it (AWS's documented sample, re-addressed to the seeded task).
    private static string OomEvent(SandboxServer sandbox)
    {
        var arn = sandbox.Scenarios.Single(s => s.Name == "p07-task-oom").Subject;
        var cluster = arn.Split('/')[1];
        var root = JsonNode.Parse(EventFixtures.Json(EventFixtures.TaskFailed)
            .Replace("us-west-2", sandbox.Options.Region, StringComparison.Ordinal)
            .Replace("111122223333", sandbox.Options.AccountId, StringComparison.Ordinal)
            .Replace("FargateCluster", cluster, StringComparison.Ordinal)
            .Replace("c13b4cb40f1f4fe4a2971f76ae5a47ad", arn.Split('/')[2], StringComparison.Ordinal))!.AsObject();
        var detail = root["detail"]!.AsObject();
        detail["group"] = "service:invoice-renderer";
        var container = detail["containers"]![1]!.AsObject();
        container["name"] = "renderer";
        container["exitCode"] = 137;
        container["reason"] = "OutOfMemoryError: Container killed due to memory usage";
        return root.ToJsonString();
    }

    private static async Task SendAsync(TeamsBotHarness teams, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "events/eventbridge")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-DiagBot-Key", ApiKey);
        using var response = await teams.Bot.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static IEnumerable<JsonObject> Images(JsonNode node) => node switch
    {
        JsonObject image when image["type"]?.GetValue<string>() == "Image" => [image],
        JsonObject other => other.Select(property => property.Value).OfType<JsonNode>().SelectMany(Images),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Images),
        _ => [],
    };

    private static JsonObject BotAdded(TeamsBotHarness teams)
    {
        var activity = TeamsFixtures.Load(TeamsFixtures.BotAddedToTeam);
        activity["serviceUrl"] = teams.Connector.ServiceUrl;
        activity["recipient"]!["id"] = TeamsBotHarness.BotId;
        activity["membersAdded"]![0]!["id"] = TeamsBotHarness.BotId;
        return activity;
    }
}
