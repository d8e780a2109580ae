using System.Diagnostics;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>The bot in serve mode with a short per-call timeout and per-diagnosis budget, for fault tests.</summary>
internal sealed class FaultyBot : IAsyncDisposable
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the test waits: under the sandbox's 30 s hang, so a diagnosis that the bot's own call timeout and budget
    /// did not end is cut here and reads "cancelled by the caller". Wide, because a loaded runner is slow, not wrong.
    /// </summary>
    public static readonly TimeSpan CallerPatience = TimeSpan.FromSeconds(25);

    public const string CancelledByTheCaller = "cancelled by the caller";

    private FaultyBot(RunningBot bot) => Bot = bot;

    public RunningBot Bot { get; }

    public SandboxServer Sandbox => Bot.Services.GetRequiredService<SandboxServer>();

    public DiagnosisService Diagnoses => Bot.Services.GetRequiredService<DiagnosisService>();

    public static async Task<FaultyBot> StartAsync() => new(await RunningBot.StartWithOwnSandboxAsync(
        "--Logging:LogLevel:Default=None",
        "--DiagBot:Aws:CallTimeout=" + CallTimeout.ToString("c"),
        "--DiagBot:Aws:DiagnosisBudget=" + Budget.ToString("c"),
        // These tests measure each diagnosis's budget under a burst, not admission (DiagnosisAdmissionTests): all 200 run at once.
        "--DiagBot:Diagnosis:MaxConcurrent=200",
        "--DiagBot:Slack:SigningSecret=" + SignedRequests.SigningSecret,
        "--DiagBot:Slack:BotToken=xoxb-hardening",
        "--DiagBot:Slack:ApiBaseUrl=http://127.0.0.1:9/api/"));

    public string SubjectOf(int playbook) => Sandbox.Scenarios.First(s => s.Playbook == playbook).Subject;

    public async Task<(DiagnosisOutcome Outcome, TimeSpan Elapsed)> DiagnoseAsync(string subject)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(CallerPatience);
        var outcome = await Diagnoses.DiagnoseAsync(subject, deadline.Token);
        return (outcome, clock.Elapsed);
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
