using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Support;
using DiagBot.Playbooks;

namespace DiagBot.Bot.Tests.Teams;

public sealed class AdaptiveCardRendererTests
{
    private static readonly AnswerOrigin Sandbox = AnswerOrigin.Sandbox("111122223333");

    [Fact]
    public void Render_OomVerdict_MatchesGolden() =>
        Golden.AssertMatches(JsonSerializer.Serialize(AdaptiveCardRenderer.Render(Reports.OutOfMemory(), Sandbox), TeamsJson.Indented) + "\n", "oom-verdict.card.json");

    [Fact]
    public void Render_EvidenceWithMarkup_IsOnlyEverPlainTextRuns()
    {
        const string hostile = "**bold** _it_ [click](https://attacker.example) <b>html</b> `code`";

        var card = AdaptiveCardRenderer.Render(Reports.OutOfMemory(hostile), Sandbox);

        var elements = Descendants(card).ToList();
        Assert.DoesNotContain(elements, element => element["type"]?.GetValue<string>() == "TextBlock");
        Assert.DoesNotContain(elements, element => element["type"]?.GetValue<string>() == "FactSet");
        Assert.Contains(elements, element => element["type"]?.GetValue<string>() == "TextRun" && element["text"]?.GetValue<string>() == hostile);
        var fallback = card["fallbackText"]!.GetValue<string>();
        Assert.DoesNotContain("**", fallback, StringComparison.Ordinal);
        Assert.DoesNotContain("[click](", fallback, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OutsideFinding_IsPlainTextRunsWithItsConfirmAndAFallbackLine()
    {
        const string hostile = "**bold** [click](https://attacker.example)";
        var outside = new Playbooks.Outside.OutsideFailure("volume-mount-failed", "A volume would not mount " + hostile, ["Read the FailedMount event."], "kubectl describe pod web -n shop");
        var report = Reports.OutOfMemory() with { Verdicts = [], Outside = [outside] };

        var card = AdaptiveCardRenderer.Render(report, Sandbox);

        var runs = Descendants(card).Where(element => element["type"]?.GetValue<string>() == "TextRun").Select(element => element["text"]!.GetValue<string>()).ToList();
        Assert.Contains("volume-mount-failed", runs);
        Assert.Contains("kubectl describe pod web -n shop", runs);
        Assert.Contains("A volume would not mount " + hostile, runs);
        var fallback = card["fallbackText"]!.GetValue<string>();
        Assert.Contains($"Outside the {PlaybookCatalog.CountInWords} failure modes, volume-mount-failed", fallback, StringComparison.Ordinal);
        Assert.DoesNotContain("[click](", fallback, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LiveOrigin_DoesNotClaimSandbox()
    {
        var card = AdaptiveCardRenderer.Render(Reports.OutOfMemory(), AnswerOrigin.Live);

        Assert.DoesNotContain("sandbox", card.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_Buttons_AreMessageBackSubmitsCarryingTheSubject()
    {
        var card = AdaptiveCardRenderer.Render(Reports.OutOfMemory(), Sandbox);

        var actions = card["actions"]!.AsArray().Select(action => action!.AsObject()).ToList();
        Assert.Equal(["Re-run", "Show raw evidence"], actions.Select(action => action["title"]!.GetValue<string>()));
        Assert.All(actions, action =>
        {
            Assert.Equal("Action.Submit", action["type"]!.GetValue<string>());
            Assert.Equal("messageBack", action["data"]!["msteams"]!["type"]!.GetValue<string>());
            Assert.Equal(Reports.TaskArn, action["data"]!["subject"]!.GetValue<string>());
        });
        var pressed = JsonSerializer.Deserialize<JsonElement>(actions[1]["data"]!.ToJsonString());
        Assert.Equal(new CardAction(TeamsCardActions.RawEvidence, Reports.TaskArn), TeamsCardActions.Read(pressed));
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject element:
                yield return element;
                foreach (var child in element.SelectMany(property => Descendants(property.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Descendants))
                {
                    yield return child;
                }

                break;
        }
    }
}
