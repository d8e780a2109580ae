using DiagBot.Bot.Rendering;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Support;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>Credentials quoted in log excerpts or gap details never reach a channel, whichever renderer draws it.</summary>
public sealed class RedactionTests
{
    // Each secret is the part that must not survive; AWS's documented example keys.
    private static readonly (string Line, string Secret)[] Leaks =
    [
        ("using credentials AKIAIOSFODNN7EXAMPLE for s3", "AKIAIOSFODNN7EXAMPLE"),
        ("temporary key ASIAY34FZKBOKMUTVV7A expired", "ASIAY34FZKBOKMUTVV7A"),
        ("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ("signing with wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY now", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ("AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexample", "IQoJb3JpZ2luX2VjEJr"),
        ("\"X-Amz-Security-Token\": \"FwoGZXIvYXdzEBYaDexampletoken123\"", "FwoGZXIvYXdzEBYaDexampletoken123"),
        ("GET /api Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "eyJhbGciOiJSUzI1NiJ9"),
        ("connecting to postgres://app:s3cr3t-P4ss@db.internal:5432/orders", "s3cr3t-P4ss"),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7bq98example\n-----END RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA7bq98example"),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU truncated", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU"),
        ("config password=hunter2hunter2 loaded", "hunter2hunter2"),
    ];

    public static TheoryData<int> LeakIndexes => [.. Enumerable.Range(0, Leaks.Length)];

    [Theory]
    [MemberData(nameof(LeakIndexes))]
    public void Render_SecretInLogExcerptAndGap_ReachesNoChannel(int index)
    {
        var (line, secret) = Leaks[index];
        var report = WithLeak(line);
        var origin = AnswerOrigin.Live;

        string[] rendered =
        [
            MarkdownRenderer.Render(report, origin),
            JsonRenderer.Render(report, origin),
            Slack(BlockKitRenderer.Render(report, origin)),
            BlockKitRenderer.Fallback(report).Value,
            Slack(RawEvidenceRenderer.Render(report, origin)),
            AdaptiveCardRenderer.Render(report, origin).ToJsonString(),
            RawEvidenceCard.Render(report, origin).ToJsonString(),
            TeamsFallbackText.For(report, origin).Value,
        ];

        Assert.All(rendered, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        Assert.Contains(Redactor.Mask, rendered[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("task 0f3c9a1b2c3d4e5f60718293a4b5c6d7 stopped")]
    [InlineData("commit da39a3ee5e6b4b0d3255bfef95601890afd80709 deployed")]
    [InlineData("arn:aws:iam::111122223333:role/app-task-role is not authorized")]
    [InlineData("https://orders.example.com:8443/health returned 503")]
    public void Redact_OrdinaryEvidence_IsLeftAlone(string line) =>
        Assert.Equal(line, Redactor.Redact(line));

    private static string Slack(SlackMessage message) => message.Text + message.Blocks?.ToJsonString();

    private static DiagnosisReport WithLeak(string line)
    {
        var report = Reports.OutOfMemory(reason: "app log: " + line);
        var verdict = report.Verdicts[0];
        return report with
        {
            Verdicts = [verdict with { RootCause = verdict.RootCause + " Last line: " + line, Missing = [new EvidenceGap("logs", "GetLogEvents", GapReason.AccessDenied, line)] }],
            TriageGaps = [new EvidenceGap("ecs", "DescribeTasks", GapReason.ServiceError, line)],
        };
    }
}
