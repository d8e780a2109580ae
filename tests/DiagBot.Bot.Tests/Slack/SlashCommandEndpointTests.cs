using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Slack;

/// <summary>POST /slack/commands end to end: signed requests in, the fake Slack's response_url receiver out.</summary>
public sealed class SlashCommandEndpointTests
{
    [Fact]
    public async Task Command_SignedForSeededOomTask_AcknowledgesAtOnceThenPostsTheVerdictToResponseUrl()
    {
        await using var sut = await SlackBot.StartAsync();
        var subject = sut.SubjectOf("p07-task-oom");
        var responseUrl = sut.Slack.ResponseUrl("oom");

        // That the ack never waits for the diagnosis is Command_WhileEcsHangs_...: counted, not timed.
        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm(subject, responseUrl)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", ack.RootElement.GetProperty("response_type").GetString());
        Assert.StartsWith("Diagnosing `" + subject + "`", ack.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var answer = (await sut.Slack.WaitForAsync("response/oom")).Json();
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        AssertVerdictBlocks(answer, subject, "Container killed: exit code 137", "confirmed");
    }

    [Fact]
    public async Task Command_WhileEcsHangs_IsStillAcknowledgedAtOnceBecauseTheDiagnosisRunsLater()
    {
        await using var sut = await SlackBot.StartWithOwnSandboxAsync();
        var subject = sut.SubjectOf("p07-task-oom");
        sut.Bot.Services.GetRequiredService<SandboxServer>().Faults.Set("ecs", SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.Hang });

        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm(subject, sut.Slack.ResponseUrl("hang"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Diagnosing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(sut.Slack.Requests("response/hang"));
        Assert.Equal(1, sut.Queue.Enqueued);
    }

    [Fact]
    public async Task Command_Share_PostsTheVerdictInChannel()
    {
        await using var sut = await SlackBot.StartAsync();
        var subject = sut.SubjectOf("p07-task-oom");

        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm(subject + " --share", sut.Slack.ResponseUrl("shared"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await sut.Slack.WaitForAsync("response/shared")).Json();
        Assert.Equal("in_channel", answer.GetProperty("response_type").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("help")]
    public async Task Command_HelpOrEmpty_AnswersUsageAndRunsNothing(string text)
    {
        await using var sut = await SlackBot.StartAsync();

        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm(text, sut.Slack.ResponseUrl("help"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var usage = ack.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("Usage: `/diagnose &lt;task id", usage, StringComparison.Ordinal);
        Assert.DoesNotContain('<', usage);
        Assert.Equal(0, sut.Queue.Enqueued);
    }

    [Fact]
    public async Task Command_UnknownOption_SaysWhatIsWrongAndRunsNothing()
    {
        await using var sut = await SlackBot.StartAsync();

        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm("abc --everything", sut.Slack.ResponseUrl("bad"))));

        Assert.Contains("Unknown option --everything", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, sut.Queue.Enqueued);
    }

    [Fact]
    public async Task Command_BadSignature_Is401AndRunsNothing()
    {
        await using var sut = await SlackBot.StartAsync();
        using var request = SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm("exit 137", sut.Slack.ResponseUrl("x")));
        request.Headers.Remove(SlackSignatureVerifier.SignatureHeader);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, "v0=" + new string('0', 64));

        using var response = await sut.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, sut.Queue.Enqueued);
    }

    [Fact]
    public async Task Command_TimestampTenMinutesOld_Is401AndRunsNothing()
    {
        await using var sut = await SlackBot.StartAsync();
        var tenMinutesAgo = TimeProvider.System.GetUtcNow().AddMinutes(-10);

        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm("exit 137", sut.Slack.ResponseUrl("x")), tenMinutesAgo));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, sut.Queue.Enqueued);
    }

    [Fact]
    public async Task Command_NoSignatureHeaders_Is401AndRunsNothing()
    {
        await using var sut = await SlackBot.StartAsync();

        using var response = await sut.Client.SendAsync(SignedRequests.Unsigned("/slack/commands", SignedRequests.SlashCommandForm("exit 137", sut.Slack.ResponseUrl("x")), "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, sut.Queue.Enqueued);
    }

    [Theory]
    [InlineData("command=%2Fdiagnose&text=exit+137&user_id=U1&channel_id=C1")]
    [InlineData("command=%2Fdiagnose&text=exit+137&user_id=U1&channel_id=C1&response_url=not-a-url")]
    [InlineData("{\"command\":\"/diagnose\"}")]
    public async Task Command_SignedButMalformed_Is400AndRunsNothing(string body)
    {
        await using var sut = await SlackBot.StartAsync();

        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, sut.Queue.Enqueued);
    }

    [Fact]
    public async Task Command_ChannelNotOnTheAllowlist_IsRefusedPolitely()
    {
        await using var sut = await SlackBot.StartAsync("--DiagBot:Slack:AllowedChannels=C0INCIDENT");

        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm("exit 137", sut.Slack.ResponseUrl("x"), channel: "C0RANDOM01")));

        Assert.Contains(SlackAccessPolicy.Refusal, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, sut.Queue.Enqueued);
    }

    [Theory]
    [InlineData("U0MEMBER01", true)]
    [InlineData("U0STRANGER", false)]
    public async Task Command_UserGroupAllowlist_LetsOnlyMembersAsk(string user, bool allowed)
    {
        await using var sut = await SlackBot.StartAsync("--DiagBot:Slack:AllowedUserGroups=S0ONCALL01");
        sut.Slack.UserGroupMembers = ["U0MEMBER01"];

        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm("exit 137", sut.Slack.ResponseUrl("x"), user: user)));

        // Acknowledged before Slack is asked who is in the group; the answer comes at the response_url.
        var text = await response.Content.ReadAsStringAsync();
        var answer = await sut.Slack.WaitForAsync("response/x");
        Assert.DoesNotContain(SlackAccessPolicy.Refusal, text, StringComparison.Ordinal);
        Assert.Equal(1, sut.Queue.Enqueued);
        Assert.Equal(allowed, !answer.Body.Contains(SlackAccessPolicy.Refusal, StringComparison.Ordinal));
        Assert.Contains("usergroup=S0ONCALL01", sut.Slack.Requests("api/usergroups.users.list").Single().Body, StringComparison.Ordinal);
    }

    internal static void AssertVerdictBlocks(JsonElement answer, string subject, string title, string status)
    {
        var blocks = JsonNode.Parse(answer.GetProperty("blocks").GetRawText())!.AsArray();
        BlockKitRendererTests.AssertWithinLimits(answer.GetProperty("text").GetString()!, blocks);
        Assert.Equal("header", (string)blocks[0]!["type"]!);
        Assert.Equal("Diagnosis: " + subject, (string)blocks[0]!["text"]!["text"]!);
        var texts = BlockKitRendererTests.AllTexts(blocks).ToList();
        Assert.Contains(texts, text => text.Contains("DiagBot sandbox", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.StartsWith("*1. " + title + "*  `" + status + "`", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.StartsWith("*Confirm*\n```aws ecs", StringComparison.Ordinal));
    }
}
