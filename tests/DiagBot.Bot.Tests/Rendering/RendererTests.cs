using System.Text.Json;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.Tests.Support;
using DiagBot.Playbooks;

namespace DiagBot.Bot.Tests.Rendering;

public sealed class RendererTests
{
    private static readonly AnswerOrigin Sandbox = AnswerOrigin.Sandbox("111122223333");

    private static readonly Playbooks.Outside.OutsideFailure Quota = new(
        "service-quota",
        "An ECS, Fargate or account quota refused to start more tasks.",
        ["Read the quota named in the refusal.", "Ask for an increase."],
        "aws ecs describe-services --cluster shop --services web --query 'services[0].events[0:5].message'");

    [Fact]
    public void Markdown_OomVerdict_MatchesGolden() =>
        Golden.AssertMatches(MarkdownRenderer.Render(Reports.OutOfMemory(), Sandbox), "oom-verdict.md");

    [Fact]
    public void Json_OomVerdict_MatchesGolden() =>
        Golden.AssertMatches(JsonRenderer.Render(Reports.OutOfMemory(), Sandbox) + "\n", "oom-verdict.json");

    [Fact]
    public void Json_OomVerdict_HasTheDocumentedContractFields()
    {
        using var document = JsonDocument.Parse(JsonRenderer.Render(Reports.OutOfMemory(), Sandbox));
        var root = document.RootElement;
        var verdict = root.GetProperty("verdicts")[0];

        Assert.Equal(Reports.TaskArn, root.GetProperty("subject").GetString());
        Assert.True(root.GetProperty("sandbox").GetBoolean());
        Assert.Equal(Reports.OutOfMemoryMode.Number, verdict.GetProperty("playbook").GetInt32());
        Assert.Equal("confirmed", verdict.GetProperty("status").GetString());
        foreach (var field in new[] { "title", "rootCause", "evidence", "fix", "confirm", "missing" })
        {
            Assert.True(verdict.TryGetProperty(field, out _), $"verdict lacks {field}");
        }

        Assert.Equal("ecs:DescribeTasks", verdict.GetProperty("evidence")[0].GetProperty("source").GetString());
        Assert.Equal("access_denied", verdict.GetProperty("missing")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void Json_OutsideFinding_IsListedWithNameRootCauseFixAndConfirm()
    {
        var report = Reports.OutOfMemory() with { Verdicts = [], Outside = [Quota] };

        using var document = JsonDocument.Parse(JsonRenderer.Render(report, Sandbox));
        var outside = Assert.Single(document.RootElement.GetProperty("outside").EnumerateArray());

        Assert.Equal("service-quota", outside.GetProperty("name").GetString());
        Assert.Equal(Quota.RootCause, outside.GetProperty("rootCause").GetString());
        Assert.Equal(2, outside.GetProperty("fix").GetArrayLength());
        Assert.Equal(Quota.Confirm, outside.GetProperty("confirm").GetString());
    }

    [Fact]
    public void Markdown_OutsideFindingWithoutVerdict_NamesItInsteadOfTheNoMatchHint()
    {
        var report = Reports.OutOfMemory() with { Verdicts = [], Outside = [Quota] };

        var text = MarkdownRenderer.Render(report, Sandbox);

        Assert.Contains($"## Outside the {PlaybookCatalog.CountInWords} failure modes: service-quota", text, StringComparison.Ordinal);
        Assert.Contains("```sh\naws ecs describe-services --cluster shop --services web", text, StringComparison.Ordinal);
        Assert.DoesNotContain(NoMatchHint.Markdown, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_OutsideConfirmCarryingASecret_IsRedacted()
    {
        var leaky = Quota with { Confirm = "aws ecs describe-services --cluster shop password=hunter2hunter2" };

        var json = JsonRenderer.Render(Reports.OutOfMemory() with { Outside = [leaky] }, Sandbox);

        Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_LiveOrigin_DoesNotClaimSandbox()
    {
        var text = MarkdownRenderer.Render(Reports.OutOfMemory(), AnswerOrigin.Live);

        Assert.DoesNotContain("sandbox", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Json_ValueWithQuotesAndMarkup_StaysIntactAndValid()
    {
        const string hostile = "\"</script><script>alert(1)</script>\\";

        using var document = JsonDocument.Parse(JsonRenderer.Render(Reports.OutOfMemory(hostile), Sandbox));

        Assert.Equal(hostile, document.RootElement.GetProperty("verdicts")[0].GetProperty("evidence")[1].GetProperty("value").GetString());
    }
}
