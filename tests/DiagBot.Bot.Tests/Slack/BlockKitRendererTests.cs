using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Support;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Tests.Slack;

public sealed class BlockKitRendererTests
{
    private static readonly AnswerOrigin Sandbox = AnswerOrigin.Sandbox("111122223333");

    private const string Hostile = "<!channel> <!here> <@U0ADMIN> see <https://evil.example/|the runbook> & `rm -rf` > /dev/null";

    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Render_OomVerdict_MatchesGolden() =>
        Golden.AssertMatches(Serialize(BlockKitRenderer.Render(Reports.OutOfMemory(), Sandbox)), "oom-verdict.slack.json");

    [Fact]
    public void Render_OomVerdict_HasHeadlineEvidenceFixConfirmGapsAndButtons()
    {
        var blocks = BlockKitRenderer.Render(Reports.OutOfMemory(), Sandbox).Blocks!;
        var types = blocks.Select(block => (string)block!["type"]!).ToList();

        Assert.Equal(["header", "context", "section", "section", "section", "section", "context", "actions"], types);
        Assert.Contains("*Root cause:* Container web ran out of memory", Text(blocks[2]!), StringComparison.Ordinal);
        Assert.StartsWith("*Confirm*\n```aws ecs describe-tasks", Text(blocks[5]!), StringComparison.Ordinal);
        var actionIds = blocks[^1]!["elements"]!.AsArray().Select(button => (string)button!["action_id"]!);
        Assert.Equal([SlackActions.Rerun, SlackActions.Share, SlackActions.RawEvidence], actionIds);
    }

    [Fact]
    public void Render_OutsideFindingWithHostileConfirm_ShowsCauseFixAndEscapedConfirm()
    {
        var outside = new Playbooks.Outside.OutsideFailure("service-quota", "A quota refused more tasks.", ["Ask for an increase."], "aws ecs describe-services " + Hostile);
        var report = Reports.OutOfMemory() with { Verdicts = [], Outside = [outside] };

        var message = BlockKitRenderer.Render(report, Sandbox);
        var texts = AllTexts(message.Blocks!).ToList();

        Assert.Contains(texts, text => text.Contains($"*Outside the {PlaybookCatalog.CountInWords} failure modes:* `service-quota`", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.StartsWith("*Confirm*\n```aws ecs describe-services", StringComparison.Ordinal));
        Assert.All(texts, text => Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_HostileLogLine_MatchesGolden() =>
        Golden.AssertMatches(Serialize(BlockKitRenderer.Render(Reports.OutOfMemory(Hostile), Sandbox)), "hostile-log-line.slack.json");

    [Fact]
    public void Render_HostileLogLine_CannotPingTheChannelOrForgeALink()
    {
        var message = BlockKitRenderer.Render(Reports.OutOfMemory(Hostile), Sandbox);
        var json = message.ToJson().ToJsonString();
        var texts = AllTexts(message.Blocks!).Append(message.Text).ToList();

        Assert.All(texts, text => Assert.DoesNotContain('<', text));
        Assert.All(texts, text => Assert.DoesNotContain('>', text));
        Assert.Contains(texts, text => text.Contains("&lt;!channel&gt; &lt;!here&gt; &lt;@U0ADMIN&gt; see &lt;https://evil.example/|the runbook&gt; &amp; 'rm -rf' &gt; /dev/null", StringComparison.Ordinal));
        Assert.NotNull(JsonNode.Parse(json));
    }

    [Fact]
    public void Render_HugeReport_StaysWithinLimitsAndOffersShowMore()
    {
        var report = Huge();

        var first = BlockKitRenderer.Render(report, Sandbox);

        AssertWithinLimits(first);
        var more = first.Blocks![^1]!["elements"]!.AsArray().Single(button => (string)button!["action_id"]! == SlackActions.ShowMore)!;
        var (page, subject) = SlackActions.ReadShowMoreValue((string)more["value"]!);
        Assert.Equal(2, page);
        Assert.Equal(report.Subject.Text, subject);
    }

    [Fact]
    public void Render_HugeReportEveryPage_StaysWithinLimitsAndTheLastHasNoShowMore()
    {
        var report = Huge();
        var pages = new List<SlackMessage>();
        for (var page = 1; page <= 20 && (pages.Count == 0 || HasShowMore(pages[^1])); page++)
        {
            pages.Add(BlockKitRenderer.Render(report, Sandbox, page));
        }

        Assert.InRange(pages.Count, 2, 19);
        Assert.All(pages, AssertWithinLimits);
        Assert.False(HasShowMore(pages[^1]));
        Assert.Contains(AllTexts(pages[^1].Blocks!), text => text.Contains("verdict 40", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_EvidenceValueLongerThanASection_IsCutNotRejected()
    {
        var message = BlockKitRenderer.Render(Reports.OutOfMemory(new string('x', 10_000)), Sandbox);

        AssertWithinLimits(message);
        Assert.Contains(AllTexts(message.Blocks!), text => text.EndsWith('…'));
    }

    [Fact]
    public void Render_LiveOrigin_DoesNotClaimSandbox()
    {
        var message = BlockKitRenderer.Render(Reports.OutOfMemory(), AnswerOrigin.Live);

        Assert.DoesNotContain(AllTexts(message.Blocks!), text => text.Contains("sandbox", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void RenderRawEvidence_OomVerdict_IsTheJsonContractInCodeBlocks()
    {
        var message = RawEvidenceRenderer.Render(Reports.OutOfMemory(), Sandbox);

        AssertWithinLimits(message);
        var code = string.Concat(AllTexts(message.Blocks!).Skip(1).Select(text => text.Trim('`')));
        Assert.Contains($"\"playbook\": {Reports.OutOfMemoryMode.Number}", code, StringComparison.Ordinal);
    }

    internal static void AssertWithinLimits(SlackMessage message) => AssertWithinLimits(message.Text, message.Blocks!);

    internal static void AssertWithinLimits(string fallback, System.Text.Json.Nodes.JsonArray blocks)
    {
        Assert.InRange(blocks.Count, 1, BlockKitLimits.MaxBlocksPerMessage);
        Assert.All(AllTexts(blocks), text => Assert.InRange(text.Length, 1, BlockKitLimits.MaxSectionText));
        Assert.InRange(fallback.Length, 1, BlockKitLimits.MaxFallbackText);
        foreach (var block in blocks)
        {
            if ((string)block!["type"]! == "header")
            {
                Assert.InRange(Text(block).Length, 1, BlockKitLimits.MaxHeaderText);
            }

            if ((string)block["type"]! == "context")
            {
                Assert.InRange(block["elements"]!.AsArray().Count, 1, BlockKitLimits.MaxContextElements);
            }
        }
    }

    internal static IEnumerable<string> AllTexts(JsonArray blocks) =>
        blocks.SelectMany(block => (string)block!["type"]! switch
        {
            "context" => block["elements"]!.AsArray().Select(element => (string)element!["text"]!),
            "actions" => [],
            "divider" => [],
            _ => [Text(block)],
        });

    private static string Text(JsonNode block) => (string)block["text"]!["text"]!;

    private static bool HasShowMore(SlackMessage message) =>
        message.Blocks![^1]!["type"]!.GetValue<string>() == "actions"
        && message.Blocks[^1]!["elements"]!.AsArray().Any(button => (string)button!["action_id"]! == SlackActions.ShowMore);

    private static string Serialize(SlackMessage message) => message.ToJson().ToJsonString(Readable) + "\n";

    private static DiagnosisReport Huge()
    {
        var template = Reports.OutOfMemory().Verdicts[0];
        var verdicts = Enumerable.Range(1, 40).Select(number => template with
        {
            Title = $"verdict {number}",
            Evidence = [.. Enumerable.Range(1, 60).Select(index => new EvidenceItem("logs:GetLogEvents", $"log line {index}", new string('e', 100)))],
            Missing = [.. Enumerable.Range(1, 30).Select(index => new EvidenceGap("cloudtrail", "LookupEvents", GapReason.AccessDenied, new string('d', 200)))],
        });
        return Reports.OutOfMemory() with { Verdicts = [.. verdicts] };
    }
}
