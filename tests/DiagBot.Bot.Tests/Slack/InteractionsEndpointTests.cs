using System.Net;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Slack.Support;

namespace DiagBot.Bot.Tests.Slack;

/// <summary>POST /slack/interactions end to end: DiagBot's buttons.</summary>
public sealed class InteractionsEndpointTests
{
    [Fact]
    public async Task Rerun_OnAnEphemeralAnswer_PostsAFreshVerdictToTheAsker()
    {
        await using var sut = await SlackBot.StartAsync();
        var subject = sut.SubjectOf("p07-task-oom");

        using var response = await sut.Client.SendAsync(Click(SlackActions.Rerun, subject, sut.Slack.ResponseUrl("rerun")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await sut.Slack.WaitForAsync("response/rerun")).Json();
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        SlashCommandEndpointTests.AssertVerdictBlocks(answer, subject, "Container killed: exit code 137", "confirmed");
    }

    [Fact]
    public async Task Share_OnAnEphemeralAnswer_PostsItForTheWholeChannel()
    {
        await using var sut = await SlackBot.StartAsync();
        var subject = sut.SubjectOf("p07-task-oom");

        await sut.Client.SendAsync(Click(SlackActions.Share, subject, sut.Slack.ResponseUrl("share")));

        var answer = (await sut.Slack.WaitForAsync("response/share")).Json();
        Assert.Equal("in_channel", answer.GetProperty("response_type").GetString());
    }

    [Fact]
    public async Task Share_OnAThreadAnswer_PostsANewChannelMessage()
    {
        await using var sut = await SlackBot.StartAsync();
        var subject = sut.SubjectOf("p07-task-oom");

        await sut.Client.SendAsync(Click(SlackActions.Share, subject, sut.Slack.ResponseUrl("unused"), threadTs: "1700000100.000100"));

        var post = (await sut.Slack.WaitForAsync("api/chat.postMessage")).Json();
        Assert.Equal(SlackPayloads.Channel, post.GetProperty("channel").GetString());
        Assert.False(post.TryGetProperty("thread_ts", out _));
    }

    [Fact]
    public async Task ShowRawEvidence_PostsTheJsonContract()
    {
        await using var sut = await SlackBot.StartAsync();
        var subject = sut.SubjectOf("p07-task-oom");

        await sut.Client.SendAsync(Click(SlackActions.RawEvidence, subject, sut.Slack.ResponseUrl("raw")));

        var answer = await sut.Slack.WaitForAsync("response/raw");
        Assert.Contains("Raw evidence", answer.Body, StringComparison.Ordinal);
        Assert.Contains("ecs:DescribeTasks", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowMore_PageBeyondTheLast_SendsTheLastPage()
    {
        await using var sut = await SlackBot.StartAsync();
        var subject = sut.SubjectOf("p07-task-oom");

        await sut.Client.SendAsync(Click(SlackActions.ShowMore, SlackActions.ShowMoreValue(2, subject), sut.Slack.ResponseUrl("more")));

        var answer = (await sut.Slack.WaitForAsync("response/more")).Json();
        Assert.Equal("header", answer.GetProperty("blocks")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Click_Unsigned_Is401AndRunsNothing()
    {
        await using var sut = await SlackBot.StartAsync();
        var body = SlackPayloads.InteractionForm(SlackPayloads.BlockAction(SlackActions.Rerun, "exit 137", sut.Slack.ResponseUrl("x")));

        using var response = await sut.Client.SendAsync(SignedRequests.Unsigned("/slack/interactions", body, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, sut.Queue.Enqueued);
    }

    [Theory]
    [InlineData("payload=%7Bnot+json")]
    [InlineData("nopayload=1")]
    public async Task Click_SignedButMalformed_Is400(string body)
    {
        await using var sut = await SlackBot.StartAsync();

        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/interactions", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, sut.Queue.Enqueued);
    }

    private static HttpRequestMessage Click(string actionId, string value, Uri responseUrl, string? threadTs = null) =>
        SignedRequests.Form("/slack/interactions", SlackPayloads.InteractionForm(SlackPayloads.BlockAction(actionId, value, responseUrl, threadTs)));
}
