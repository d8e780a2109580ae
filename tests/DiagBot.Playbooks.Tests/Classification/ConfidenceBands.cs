using System.Globalization;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>
/// The calibration table: the answers grouped by the confidence triage gave, and the share of each group that was
/// right. A calibrated triage is right about as often as it says it is sure.
/// </summary>
internal sealed record ConfidenceBands(IReadOnlyList<ConfidenceBand> Bands)
{
    // Lower edges, highest first; the last band takes everything under 0.6, the confidence below which triage says it is unsure.
    private static readonly double[] Edges = [0.9, 0.75, SymptomClassifier.UnsureBelow, 0];

    public static ConfidenceBands Of(IReadOnlyList<CorpusLine> lines, ISymptomClassifier classifier)
    {
        var answers = lines.Select(line => (Result: classifier.Classify(line.Text, line.Field, line.ExitCode), line.Expected)).ToList();
        var bands = Edges.Select((low, index) =>
        {
            var high = index == 0 ? 1.01 : Edges[index - 1];
            var inBand = answers.Where(a => a.Result.Confidence >= low && a.Result.Confidence < high).ToList();
            return new ConfidenceBand(low, Math.Min(high, 1), inBand.Count, inBand.Count(a => a.Result.Playbook == a.Expected));
        });
        return new ConfidenceBands([.. bands]);
    }

    public string Describe() => string.Join(Environment.NewLine, Bands.Select(band => band.Describe()));
}

internal sealed record ConfidenceBand(double Low, double High, int Answers, int Right)
{
    public double ShareRight => Answers == 0 ? 1 : Right / (double)Answers;

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"confidence [{Low:0.00}, {High:0.00}): {Right}/{Answers} right ({ShareRight:P1})");
}
