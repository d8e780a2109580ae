using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Support;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Bot.Tests.Rendering;

/// <summary>The "no known failure mode matches" answer names every subject DiagBot reads, the same in each channel.</summary>
public sealed partial class NoMatchHintTests
{
    private static readonly AnswerOrigin Sandbox = AnswerOrigin.Sandbox("111122223333");

    [Fact]
    public void Markdown_NoMatch_ShowsEverySubjectAsCode()
    {
        var text = MarkdownRenderer.Render(Reports.NoMatch(), Sandbox);

        Assert.Contains(NoMatchHint.Markdown, text, StringComparison.Ordinal);
        Assert.Contains("`target group <name>`", text, StringComparison.Ordinal);
        Assert.Contains("`deployment ecs-svc/<id>`", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Slack_NoMatch_ShowsTheSameHintEscapedForMrkdwn()
    {
        var blocks = BlockKitRenderer.Render(Reports.NoMatch(), Sandbox).Blocks!;

        var hint = Assert.Single(blocks, block => ((string?)block!["text"]?["text"])?.StartsWith("No known failure mode", StringComparison.Ordinal) == true);
        var text = (string)hint!["text"]!["text"]!;
        Assert.Equal(NoMatchHint.Markdown.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal), text);
        Assert.Contains("`pod &lt;namespace&gt;/&lt;name&gt; [in &lt;cluster&gt;]`", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Teams_NoMatch_ShowsTheSameHintWithQuotesNotBackticks()
    {
        var card = AdaptiveCardRenderer.Render(Reports.NoMatch(), Sandbox);

        var text = Assert.Single(Texts(card), text => text.StartsWith("No known failure mode", StringComparison.Ordinal));
        Assert.Equal(NoMatchHint.PlainQuoted, text);
        Assert.Contains("'deployment <namespace>/<name> [in <cluster>]'", text, StringComparison.Ordinal);
        Assert.DoesNotContain('`', text);
    }

    [Fact]
    public void WebChat_ChatJs_RepeatsTheCSharpHintWordForWord()
    {
        using var stream = typeof(NoMatchHint).Assembly.GetManifestResourceStream("DiagBot.Bot.WebChat.Assets.chat.js")!;
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd();

        Assert.Contains($"'{NoMatchHint.Markdown}'", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Hint_EverySubjectItShows_ParsesAsThatKindOfResource()
    {
        var shown = CodeSpan().Matches(NoMatchHint.Markdown).Select(match => match.Groups[1].Value).ToList();

        Assert.Equal(5, shown.Count);
        var typed = shown.SelectMany(Fill).ToList();
        var kinds = typed.Select(text => SubjectParser.Parse(text).Subject?.Kind).ToList();
        Assert.Equal(["service", "target-group", "pod", "pod", "deployment", "deployment", "ecs-deployment"], kinds);
    }

    // "pod <namespace>/<name> [in <cluster>]" as an engineer would type it, with and without the optional part.
    private static IEnumerable<string> Fill(string syntax)
    {
        var filled = syntax.Replace("<namespace>", "payments", StringComparison.Ordinal).Replace("<name>", "web", StringComparison.Ordinal)
            .Replace("<cluster>", "prod", StringComparison.Ordinal).Replace("<id>", "1234567890123456789", StringComparison.Ordinal);
        var optional = filled.IndexOf(" [", StringComparison.Ordinal);
        return optional < 0 ? [filled] : [filled[..optional], filled.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)];
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject element => element.Where(property => property.Key != "text" || property.Value is not JsonValue).SelectMany(property => Texts(property.Value))
            .Concat(element["text"] is JsonValue text && text.TryGetValue<string>(out var value) ? [value] : []),
        JsonArray array => array.SelectMany(Texts),
        _ => [],
    };

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
