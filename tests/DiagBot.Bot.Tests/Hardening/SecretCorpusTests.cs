using DiagBot.Bot.Rendering;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>The redactor against the corpus: every secret format masked, every look-alike identifier left readable.</summary>
public sealed class SecretCorpusTests
{
    [Fact]
    public void Corpus_HoldsEnoughOfEachKind()
    {
        Assert.True(SecretCorpus.Secrets.Count >= SecretCorpus.MinimumOfEachKind, $"{SecretCorpus.Secrets.Count} secrets");
        Assert.True(SecretCorpus.Harmless.Count >= SecretCorpus.MinimumOfEachKind, $"{SecretCorpus.Harmless.Count} harmless lines");
        Assert.All(SecretCorpus.Secrets, line => Assert.Contains(line.Secret, line.Line, StringComparison.Ordinal));
    }

    [Fact]
    public void Redact_EverySecretInTheCorpus_Leaks0()
    {
        var leaks = SecretCorpus.Secrets
            .Select(line => (line, redacted: OutgoingText.Plain(line.Line)))
            .Where(pair => pair.redacted.Contains(pair.line.Secret, StringComparison.Ordinal) || !pair.redacted.Contains(Redactor.Mask, StringComparison.Ordinal))
            .Select(pair => $"{pair.line.Source}: {pair.redacted}")
            .ToList();

        Assert.True(leaks.Count == 0, $"{leaks.Count} of {SecretCorpus.Secrets.Count} leaked:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public void Redact_EveryHarmlessLineInTheCorpus_Destroys0()
    {
        var destroyed = SecretCorpus.Harmless
            .Select(line => (line, redacted: OutgoingText.Plain(line.Line)))
            .Where(pair => pair.redacted != pair.line.Line)
            .Select(pair => $"{pair.line.Line}\n  became {pair.redacted}")
            .ToList();

        Assert.True(destroyed.Count == 0, $"{destroyed.Count} of {SecretCorpus.Harmless.Count} changed:\n" + string.Join('\n', destroyed));
    }

    [Fact]
    public void Plain_CleanedTextAgain_ChangesNothing()
    {
        // Renderers clean a text where it is shown, so a subject may pass twice (a header, then a button); the second pass must be a no-op.
        var changed = SecretCorpus.Secrets.Concat(SecretCorpus.Harmless)
            .Select(line => OutgoingText.Plain(line.Line))
            .Where(cleaned => OutgoingText.Plain(cleaned) != cleaned)
            .ToList();

        Assert.True(changed.Count == 0, $"{changed.Count} cleaned lines changed when cleaned again:\n" + string.Join('\n', changed));
    }

    [Fact]
    public void SecurityDocumentation_StatesTheCorpusAsItIs()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "security.md"));

        Assert.Contains($"holds {SecretCorpus.Secrets.Count} realistic secret formats", text, StringComparison.Ordinal);
        Assert.Contains($"and {SecretCorpus.Harmless.Count} harmless look-alikes", text, StringComparison.Ordinal);
        Assert.Contains($"0 of {SecretCorpus.Secrets.Count} secrets leak, 0 of {SecretCorpus.Harmless.Count} identifiers are changed", text, StringComparison.Ordinal);
    }
}
