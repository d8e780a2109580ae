using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>
/// A message reaches triage the way an engineer copied it: into Slack as inline code, a code block or a quote, out of the
/// AWS CLI's JSON or a klog line with its quotes escaped, out of a log viewer behind a timestamp. Every tuning message triage
/// reads right must read the same in each of those forms, or the rules were reading the wrapping, not the message. An
/// engineer's own sentence is typed, not pasted, so the messages are the lines of the other fields.
/// </summary>
public sealed class PastedMessageTests
{
    public static TheoryData<string> Wrappings => [.. Wrapping.All.Keys];

    [Theory]
    [MemberData(nameof(Wrappings))]
    public void Corpus_MessagesAsTheyArePasted_ReadAsTheMessageItself(string wrapping)
    {
        var wrap = Wrapping.All[wrapping];
        var changed = CorpusLine.Load("triage-corpus.jsonl")
            .Where(line => line.Field != EvidenceField.SymptomText && wrap.AppliesTo(line) && Read(line.Text, line) == line.ExpectedName)
            .Select(line => (Line: line, Wrapped: Read(wrap.Apply(line.Text), line)))
            .Where(read => read.Wrapped != read.Line.ExpectedName)
            .Select(read => $"line {read.Line.LineNumber} [{read.Line.Field}] expected {read.Line.ExpectedName}, "
                + $"{wrapping} read {read.Wrapped}: {read.Line.Text}")
            .ToList();

        Assert.True(changed.Count == 0,
            $"{changed.Count} lines read otherwise once {wrapping}:{Environment.NewLine}{string.Join(Environment.NewLine, changed)}");
    }

    [Fact]
    public void ServiceEvent_CopiedFromTheCliJson_StillNamesTheAgentError()
    {
        // aws ecs describe-services prints each event's message as a JSON string: the "AGENT" placement error (an agent that
        // is not connected, outside the fifteen) arrives as \"AGENT\".
        const string Escaped = "service web was unable to place a task because no container instance met all of its requirements. "
            + "The closest matching container-instance 0f3c9a1b2c3d4e5f60718293a4b5c6d7 encountered error \\\"AGENT\\\".";

        var answer = CorpusAnswers.Shared.Classify(Escaped, EvidenceField.ServiceEvent, null);

        Assert.Null(answer.Playbook);
        Assert.Contains(CorpusAnswers.Shared.OutsideFailures(Escaped, EvidenceField.ServiceEvent, null), name => name == "agent-disconnected");
    }

    private static string Read(string text, CorpusLine line) =>
        CorpusAnswers.Shared.Classify(text, line.Field, line.ExitCode).Playbook?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    private sealed record Wrapping(Func<CorpusLine, bool> AppliesTo, Func<string, string> Apply)
    {
        public static readonly IReadOnlyDictionary<string, Wrapping> All = new Dictionary<string, Wrapping>
        {
            ["as inline code"] = new(_ => true, text => $"`{text}`"),
            ["in a code block"] = new(_ => true, text => $"```\n{text}\n```"),
            ["quoted"] = new(_ => true, text => $"> {text}"),
            // Only lines with a quote to escape; the backslash itself doubles first, as JSON writes it.
            ["JSON-escaped"] = new(line => line.Text.Contains('"', StringComparison.Ordinal),
                text => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)),
            ["behind a log timestamp"] = new(line => line.Field == EvidenceField.Log, text => $"2026-12-07T17:04:11.532Z\t{text}"),
        };
    }
}
