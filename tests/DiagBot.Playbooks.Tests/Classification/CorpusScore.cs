using System.Globalization;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Tests.Classification;

internal sealed record CorpusScore(int Total, IReadOnlyList<string> Misses)
{
    public double Accuracy => Total == 0 ? 0 : (Total - Misses.Count) / (double)Total;

    public static CorpusScore Of(IReadOnlyList<CorpusLine> lines, ISymptomClassifier classifier)
    {
        var misses = new List<string>();
        foreach (var line in lines)
        {
            var result = classifier.Classify(line.Text, line.Field, line.ExitCode);
            if (result.Playbook != line.Expected)
            {
                var got = result.Playbook?.ToString(CultureInfo.InvariantCulture) ?? "none";
                misses.Add($"line {line.LineNumber}: expected {line.ExpectedName}, got {got} ({result.Confidence:0.00}) [{line.Field}] {line.Text} -- why: {result.Why}");
            }
        }

        return new CorpusScore(lines.Count, misses);
    }

    public string Describe(string name) =>
        $"{name}: {Total - Misses.Count}/{Total} = {Accuracy:P1}{Environment.NewLine}{string.Join(Environment.NewLine, Misses)}";
}
