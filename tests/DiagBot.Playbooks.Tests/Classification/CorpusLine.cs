using System.Globalization;
using System.Text.Json;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>
/// One labelled real message. Lines of a batch scored before any rule changed for it also carry the batch number and
/// the answer triage gave then (<see cref="FirstAnswer"/>, recorded once at scoring and never edited), so the unseen
/// figure can be printed from the files instead of copied by hand.
/// </summary>
internal sealed record CorpusLine(int LineNumber, string Text, EvidenceField Field, int? ExitCode, int? Expected, string Source)
{
    public string ExpectedName => Expected?.ToString(CultureInfo.InvariantCulture) ?? "none";

    /// <summary>The batch the line came in with, when it was scored whole before any rule changed for it.</summary>
    public int? Batch { get; init; }

    /// <summary>What <c>triage --jsonl</c> answered ("none" or a playbook number) when the batch was first scored.</summary>
    public string? FirstAnswer { get; init; }

    public bool WasRightWhenFirstScored => FirstAnswer == ExpectedName;

    public static IReadOnlyList<CorpusLine> Load(string fileName)
    {
        var path = Path.Combine(FindCorpusDirectory(), fileName);
        return File.ReadLines(path)
            .Select((line, index) => (line, index))
            .Where(x => !string.IsNullOrWhiteSpace(x.line))
            .Select(x => Parse(x.line, x.index + 1))
            .ToList();
    }

    private static CorpusLine Parse(string line, int lineNumber)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var wireField = root.GetProperty("field").GetString();
        var field = Enum.GetValues<EvidenceField>().Single(f => string.Equals(f.ToString(), wireField, StringComparison.OrdinalIgnoreCase));
        var exit = root.GetProperty("exit_code");
        var expected = root.GetProperty("expected");
        return new CorpusLine(
            lineNumber,
            root.GetProperty("text").GetString()!,
            field,
            exit.ValueKind == JsonValueKind.Null ? null : exit.GetInt32(),
            expected.ValueKind == JsonValueKind.Number ? expected.GetInt32() : null,
            root.GetProperty("source").GetString()!)
        {
            Batch = root.TryGetProperty("batch", out var batch) ? batch.GetInt32() : null,
            FirstAnswer = root.TryGetProperty("first_answer", out var first) ? AnswerName(first) : null,
        };
    }

    // The same spelling as the triage contract: a playbook number, or the string "none".
    private static string AnswerName(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Number ? answer.GetInt32().ToString(CultureInfo.InvariantCulture) : answer.GetString()!;

    // The corpus lives in the repository (tests/corpus), not in the build output: walk up to find it.
    private static string FindCorpusDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "corpus");
            if (File.Exists(Path.Combine(candidate, "triage-corpus.jsonl")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/corpus not found above {AppContext.BaseDirectory}");
    }
}
