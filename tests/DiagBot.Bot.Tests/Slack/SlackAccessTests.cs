using System.Text.Json.Nodes;
using DiagBot.Bot.Hosting;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Slack.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DiagBot.Bot.Tests.Slack;

/// <summary>
/// `AllowedUserGroups` when Slack's usergroups.users.list is slow, rate-limited or silent: Slack gets its
/// acknowledgement first, the membership is checked in the background and fails closed with a message, and no
/// lookup stops the bot. The held lookup is a barrier (FakeSlack.HoldNext), not a delay.
/// </summary>
public sealed class SlackAccessTests
{
    private const string Group = "--DiagBot:Slack:AllowedUserGroups=S0ONCALL01";

    [Fact]
    public async Task Command_LookupHeld_IsAcknowledgedBeforeSlackAnswers_ThenFailsClosedWithAMessage()
    {
        await using var sut = await SlackBot.StartAsync(Group);
        var lookup = sut.Slack.HoldNext("api/usergroups.users.list");
        sut.Slack.FailNext("api/usergroups.users.list", "ratelimited");
        using var bounded = new CancellationTokenSource(Timeouts.Answer);

        using var response = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm("exit 137", sut.Slack.ResponseUrl("held"))), bounded.Token);
        var acknowledged = await response.Content.ReadAsStringAsync(bounded.Token);
        var lookupStillHeld = !lookup.Task.IsCompleted;
        lookup.SetResult();
        var answer = await sut.Slack.WaitForAsync("response/held");

        Assert.True(lookupStillHeld);
        Assert.Contains("Diagnosing", acknowledged, StringComparison.Ordinal);
        Assert.Contains(SlackAccessPolicy.CouldNotCheck, answer.Body, StringComparison.Ordinal);
        Assert.Single(sut.Slack.Requests("response/held"));
    }

    [Fact]
    public async Task Command_MemberAfterTheLookup_IsDiagnosedAndTheNextAskIsDecidedFromTheCache()
    {
        await using var sut = await SlackBot.StartAsync(Group);
        sut.Slack.UserGroupMembers = [SlackPayloads.User];

        using var first = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm("exit 137", sut.Slack.ResponseUrl("first"), user: SlackPayloads.User)));
        var answer = await sut.Slack.WaitForAsync("response/first");
        using var second = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm("exit 137", sut.Slack.ResponseUrl("second"), user: "U0STRANGER")));

        Assert.DoesNotContain(SlackAccessPolicy.Refusal, answer.Body, StringComparison.Ordinal);
        Assert.Contains(SlackAccessPolicy.Refusal, await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(sut.Slack.Requests("api/usergroups.users.list"));
    }

    [Fact]
    public async Task Mention_LookupFails_RepliesInTheThreadOnceAndIsNotLost()
    {
        await using var sut = await SlackBot.StartAsync(Group);
        sut.Slack.FailNext("api/usergroups.users.list", "ratelimited");

        using var response = await sut.Client.SendAsync(SignedRequests.Json("/slack/events", SlackPayloads.AppMention("Ev0ACCESS1", "<@U0DIAGBOT1> diagnose exit 137", "1700000000.000300")));
        var reply = await sut.Slack.WaitForAsync("api/chat.postMessage");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(SlackAccessPolicy.CouldNotCheck, reply.Json().GetProperty("text").GetString());
        Assert.Equal("1700000000.000300", reply.Json().GetProperty("thread_ts").GetString());
    }

    [Fact]
    public async Task SocketMode_LookupNeverAnswers_AcknowledgesAndTheBotKeepsRunning()
    {
        await using var sut = await SlackBot.StartAsync(socketMode: true, Group);
        var lookup = sut.Slack.HoldNext("api/usergroups.users.list");
        var socket = await sut.Slack.NextSocketAsync();
        await socket.SendAsync("""{"type":"hello","num_connections":1}""");

        await socket.SendAsync(new JsonObject
        {
            ["envelope_id"] = "env-access-1",
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["command"] = "/diagnose", ["text"] = "exit 137", ["user_id"] = SlackPayloads.User, ["channel_id"] = SlackPayloads.Channel,
                ["team_id"] = "T0DIAGBOT1", ["response_url"] = sut.Slack.ResponseUrl("socket").AbsoluteUri,
            },
        }.ToJsonString());
        var exit = HostExitCode.Watch(sut.Bot.Host);
        var ack = await socket.ReceiveAsync();
        var stopping = sut.Bot.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;
        lookup.SetResult();

        Assert.Equal("env-access-1", ack.GetProperty("envelope_id").GetString());
        Assert.Contains("Diagnosing", ack.GetProperty("payload").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(stopping);
        Assert.Equal(0, exit.Code);
    }

    [Fact]
    public async Task Host_StoppedFromOutside_ExitsZero()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddHostedService<Waiting>();
        using var host = builder.Build();
        var exit = HostExitCode.Watch(host);

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(0, exit.Code);
    }

    [Fact]
    public async Task Host_BackgroundServiceFaults_ExitsNonZero()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddHostedService<Faulting>();
        using var host = builder.Build();
        var exit = HostExitCode.Watch(host);

        await host.RunAsync();

        Assert.Equal(HostExitCode.BackgroundServiceFailed, exit.Code);
    }

    private sealed class Waiting : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }

    private sealed class Faulting : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new TaskCanceledException("a lookup's HTTP client timeout, escaping");
        }
    }
}
