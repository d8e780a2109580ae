using System.Reflection;
using System.Text.RegularExpressions;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>
/// Every text that leaves DiagBot goes through the one redact-and-escape path: the surface types can only be made
/// by it, and the JSON fields a surface shows are written only by the builders that clean what they are given.
/// </summary>
public sealed partial class OutgoingTextConventionTests
{
    // The builders of what a surface shows, each cleaning what it writes (OutgoingText.Plain, SlackMrkdwn, TeamsMarkdown).
    private static readonly string[] Builders =
    [
        "bot/DiagBot.Bot/Slack/BlockKit.cs",
        "bot/DiagBot.Bot/Slack/SlackMessage.cs",
        "bot/DiagBot.Bot/Teams/AdaptiveCardElements.cs",
        "bot/DiagBot.Bot/Teams/TeamsReplies.cs",
        "bot/DiagBot.Bot/Teams/TeamsConversationPoster.cs",
        "bot/DiagBot.Bot/Teams/TeamsCardActions.cs",
        "bot/DiagBot.Bot/WebChat/WebChatMessageEndpoint.cs",
    ];

    [Theory]
    [InlineData(typeof(SlackMrkdwn))]
    [InlineData(typeof(TeamsMarkdown))]
    [InlineData(typeof(SlackMessage))]
    public void SurfaceTypes_HaveOnlyPrivateConstructors(Type type)
    {
        var open = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Where(constructor => !constructor.IsPrivate).ToList();

        Assert.True(open.Count == 0, $"{type.Name} must be made only through its cleaning factories; open constructors: {string.Join(", ", open)}");
    }

    [Fact]
    public void ShownJsonFields_AreWrittenOnlyByTheCleaningBuilders()
    {
        var offenders = RepositoryRoot.SourceFiles("bot")
            .Select(file => (File: RepositoryRoot.Relative(file).Replace('\\', '/'), Text: File.ReadAllText(file)))
            .Where(source => !Builders.Contains(source.File) && ShownField().IsMatch(source.Text))
            .Select(source => source.File)
            .ToList();

        Assert.True(offenders.Count == 0, "Build shown text with BlockKit, AdaptiveCardElements or TeamsReplies instead of writing the field in: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Redactor_IsCalledOnlyThroughOutgoingText()
    {
        var offenders = RepositoryRoot.SourceFiles("bot")
            .Where(file => !file.EndsWith("OutgoingText.cs", StringComparison.Ordinal) && !file.Contains("Rendering" + Path.DirectorySeparatorChar + "SecretPatterns", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains("Redactor.Redact(", StringComparison.Ordinal))
            .Select(RepositoryRoot.Relative)
            .ToList();

        Assert.True(offenders.Count == 0, "Call OutgoingText (controls, then secrets) instead of the redactor alone in: " + string.Join(", ", offenders));
    }

    // A JSON field some surface displays, written directly: text, fallbackText, summary, or a TextRun.
    [GeneratedRegex(@"\[""(?:text|fallbackText|summary|displayText)""\]\s*=|""TextRun""")]
    private static partial Regex ShownField();
}
