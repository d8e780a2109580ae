using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Support;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Slack.Support;

/// <summary>The bot in serve mode (sandbox) with Slack on, its Web API pointed at a fake Slack on loopback.</summary>
internal sealed class SlackBot : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";

    private SlackBot(RunningBot bot, FakeSlack slack)
    {
        Bot = bot;
        Slack = slack;
    }

    public RunningBot Bot { get; }

    public FakeSlack Slack { get; }

    public HttpClient Client => Bot.Client;

    public SlackJobQueue Queue => Bot.Services.GetRequiredService<SlackJobQueue>();

    public static async Task<SlackBot> StartAsync(params string[] extraSettings) =>
        await StartAsync(socketMode: false, extraSettings);

    public static Task<SlackBot> StartAsync(bool socketMode, params string[] extraSettings) =>
        StartAsync(socketMode, RunningBot.StartAsync, extraSettings);

    /// <summary>Over a sandbox of its own, for a test that injects a fault.</summary>
    public static Task<SlackBot> StartWithOwnSandboxAsync() => StartAsync(socketMode: false, RunningBot.StartWithOwnSandboxAsync, []);

    private static async Task<SlackBot> StartAsync(bool socketMode, Func<string[], Task<RunningBot>> start, string[] extraSettings)
    {
        var slack = await FakeSlack.StartAsync();
        string[] settings =
        [
            socketMode ? "--DiagBot:Slack:AppToken=" + AppToken : "--DiagBot:Slack:SigningSecret=" + SignedRequests.SigningSecret,
            "--DiagBot:Slack:BotToken=" + BotToken,
            "--DiagBot:Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            .. extraSettings,
        ];
        var bot = await start(settings);
        return new SlackBot(bot, slack);
    }

    public string SubjectOf(string scenario) =>
        Bot.Services.GetRequiredService<SandboxServer>().Scenarios.Single(s => s.Name == scenario).Subject;

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
