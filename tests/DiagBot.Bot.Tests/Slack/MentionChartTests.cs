using System.Globalization;
using System.Net;
using DiagBot.Bot.Tests.Charts;
using DiagBot.Bot.Tests.Slack.Support;

namespace DiagBot.Bot.Tests.Slack;

/// <summary>
/// End to end over HTTP: a signed app_mention in a channel, the answer in the mention's thread, then the answer's chart
/// through Slack's external upload flow (ticket, bytes, complete) into that same thread of the loopback Slack fake.
/// </summary>
public sealed class MentionChartTests
{
    private const string MentionTs = "1700000900.000900";

    [Fact]
    public async Task AppMention_OomTask_AnswersInTheThreadThenUploadsTheMemoryChartThere()
    {
        await using var sut = await SlackBot.StartAsync();
        var subject = sut.SubjectOf("p07-task-oom");

        using var response = await sut.Client.SendAsync(SignedRequests.Json("/slack/events",
            SlackPayloads.AppMention("Ev0CHART001", "<@U0DIAGBOT1> diagnose " + subject, MentionTs)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await sut.Slack.WaitForAsync("api/chat.update")).Json();
        SlashCommandEndpointTests.AssertVerdictBlocks(answer, subject, "Container killed: exit code 137", "confirmed");
        var complete = (await sut.Slack.WaitForAsync("api/files.completeUploadExternal")).Json();
        Assert.Equal((SlackPayloads.Channel, MentionTs), (complete.GetProperty("channel_id").GetString(), complete.GetProperty("thread_ts").GetString()));
        var ticket = Assert.Single(sut.Slack.Requests("api/files.getUploadURLExternal")).Form();
        Assert.Equal("1-task-out-of-memory-memory-vs-limit.png", ticket["filename"]);
        Assert.StartsWith("Chart: ", ticket["alt_txt"], StringComparison.Ordinal);
        var (fileId, bytes) = Assert.Single(sut.Slack.Uploads);
        Assert.Equal(int.Parse(ticket["length"], CultureInfo.InvariantCulture), bytes.Length);
        Assert.Equal(fileId, complete.GetProperty("files")[0].GetProperty("id").GetString());
        using var png = new PngPixels(bytes);
        Assert.Equal((1200, 600), (png.Width, png.Height));

        // The answer came before its picture: the chart never lands in a thread whose answer is missing.
        var paths = sut.Slack.AllPaths();
        Assert.True(paths.IndexOf("api/chat.update") < paths.IndexOf("api/files.getUploadURLExternal"), string.Join(", ", paths));
    }
}
