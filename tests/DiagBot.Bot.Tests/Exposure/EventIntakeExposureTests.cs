using System.Net;
using System.Text;
using DiagBot.Bot.Tests.Events;
using DiagBot.Bot.Tests.Support;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>
/// SNS signs every topic's messages with the same regional key, so a signature proves SNS sent it, not whose topic it
/// was. An attacker's own topic must neither be confirmed nor reach an incident, a replayed message must not count,
/// and neither intake takes an event from an account or region the bot was not configured for.
/// </summary>
public sealed class EventIntakeExposureTests(ITestOutputHelper output)
{
    private const string AttackerTopic = "arn:aws:sns:us-west-2:999999999999:attacker-topic";
    private const string ApiKey = "exposure-key";

    /// <summary>How many forged or replayed deliveries the forged-delivery test sends (docs/security.md quotes it).</summary>
    public const int ForgedDeliveryCases = 9;

    [Fact]
    public async Task WithoutListedTopics_SnsIsNotServed_AndNothingIsConfirmed()
    {
        await using var sns = await FakeSnsHost.StartAsync();
        await using var bot = await RunningBot.StartAsync(SnsSettings(sns, listTopic: false));

        using var response = await PostSnsAsync(bot, sns.SubscriptionConfirmation(AttackerTopic));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, sns.Confirmations);
        Assert.Equal(0, sns.CertificateFetches);
    }

    [Fact]
    public async Task ForgedAndReplayedDeliveries_AreRefusedBeforeAnyIncident()
    {
        await using var sns = await FakeSnsHost.StartAsync();
        await using var bot = await RunningBot.StartAsync([.. SnsSettings(sns, listTopic: true), "--DiagBot:Events:ApiKey=" + ApiKey]);
        using var logs = LiveBot.Capture(bot);
        var foreignEvent = ForeignAccountEvent();
        var foreignRegion = EventFixtures.Json(EventFixtures.TaskFailed).Replace("us-west-2", "ap-south-1", StringComparison.Ordinal);
        var badPath = new Uri(sns.BaseAddress, "SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem/../../evil.pem?x=1");
        var cases = new (string Name, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("confirmation of the attacker's topic", () => PostSnsAsync(bot, sns.SubscriptionConfirmation(AttackerTopic))),
            ("task failure from the attacker's topic", () => PostSnsAsync(bot, sns.Notification(EventFixtures.Json(EventFixtures.TaskFailed), "2", topicArn: AttackerTopic))),
            ("steady state from the attacker's topic", () => PostSnsAsync(bot, sns.Notification(EventFixtures.Json(EventFixtures.SteadyState), "2", topicArn: AttackerTopic))),
            ("listed topic, replayed after two hours", () => { sns.SentAt = DateTimeOffset.UtcNow.AddHours(-2); return PostSnsAsync(bot, sns.Notification(EventFixtures.Json(EventFixtures.TaskFailed), "2")); }),
            ("listed topic, event of another account", () => { sns.SentAt = null; return PostSnsAsync(bot, sns.Notification(foreignEvent, "2")); }),
            ("listed topic, event of another region", () => PostSnsAsync(bot, sns.Notification(foreignRegion, "2"))),
            ("listed topic, certificate at another path", () => PostSnsAsync(bot, sns.Notification(EventFixtures.Json(EventFixtures.TaskFailed), "2", badPath))),
            ("eventbridge, event of another account", () => PostEventBridgeAsync(bot, foreignEvent)),
            ("eventbridge, event of another region", () => PostEventBridgeAsync(bot, foreignRegion)),
        };
        Assert.Equal(ForgedDeliveryCases, cases.Length);

        var admitted = new List<string>();
        foreach (var (name, send) in cases)
        {
            using var response = await send();
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                admitted.Add($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        output.WriteLine($"forged or replayed event deliveries tried: {cases.Length}, admitted: {admitted.Count}");
        Assert.Empty(admitted);
        Assert.Equal(0, sns.Confirmations);
        Assert.Contains(logs.Entries, entry => entry.Message.Contains(AttackerTopic, StringComparison.Ordinal) && entry.Message.Contains("ConfirmSubscription", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnlistedTopic_CostsNoCertificateFetch()
    {
        await using var sns = await FakeSnsHost.StartAsync();
        await using var bot = await RunningBot.StartAsync(SnsSettings(sns, listTopic: true));

        for (var i = 0; i < 5; i++)
        {
            using var response = await PostSnsAsync(bot, sns.Notification(EventFixtures.Json(EventFixtures.TaskFailed), "2", topicArn: AttackerTopic));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(0, sns.CertificateFetches);
    }

    [Fact]
    public async Task TheListedTopic_IsStillConfirmedAndDelivered()
    {
        await using var sns = await FakeSnsHost.StartAsync();
        await using var bot = await RunningBot.StartAsync(SnsSettings(sns, listTopic: true));

        using var confirmed = await PostSnsAsync(bot, sns.SubscriptionConfirmation());
        using var delivered = await PostSnsAsync(bot, sns.Notification(EventFixtures.Json(EventFixtures.TaskFailed), "2"));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, delivered.StatusCode);
        Assert.Equal(1, sns.Confirmations);
    }

    [Fact]
    public async Task AForeignEvent_IsRefusedNamingWhatIsConfigured()
    {
        await using var bot = await RunningBot.StartAsync("--DiagBot:Events:ApiKey=" + ApiKey, "--Logging:LogLevel:Default=None");

        using var response = await PostEventBridgeAsync(bot, ForeignAccountEvent());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("999999999999", body, StringComparison.Ordinal);
        Assert.Contains("account 111122223333 in us-east-1", body, StringComparison.Ordinal);
    }

    private static string[] SnsSettings(FakeSnsHost sns, bool listTopic) =>
    [
        @"--DiagBot:Events:Sns:CertificateHostPattern=^127\.0\.0\.1$",
        "--DiagBot:Events:Sns:CertificateScheme=http",
        "--Logging:LogLevel:Default=Warning",
        EventFixtures.FixtureRegionSetting,
        .. listTopic ? new[] { "--DiagBot:Events:Sns:Topics:0=" + FakeSnsHost.TopicArn } : [],
    ];

    // The attacker's own account, its ARNs consistent with it, as EventBridge would deliver it from there.
    private static string ForeignAccountEvent() => EventFixtures.Json(EventFixtures.TaskFailed).Replace("111122223333", "999999999999", StringComparison.Ordinal);

    private static Task<HttpResponseMessage> PostSnsAsync(RunningBot bot, string body) =>
        bot.Client.PostAsync(new Uri("events/sns", UriKind.Relative), new StringContent(body, Encoding.UTF8, "text/plain"));

    private static Task<HttpResponseMessage> PostEventBridgeAsync(RunningBot bot, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("events/eventbridge", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-DiagBot-Key", ApiKey);
        return bot.Client.SendAsync(request);
    }
}
