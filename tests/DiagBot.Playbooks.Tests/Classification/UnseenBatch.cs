using System.Globalization;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>
/// One batch of real messages scored whole before any rule changed for it: the figure it scored then (from each line's
/// recorded first answer, the honest unseen figure) beside what triage answers on the same lines today (looked at, once
/// rules were written for the batch's tuning part).
/// </summary>
internal sealed record UnseenBatch(int Number, IReadOnlyList<CorpusLine> Lines, int HeldOut)
{
    /// <summary>
    /// A batch's tuning part scored blind whose rules are not written yet: it counts in the unseen figures, but neither
    /// trains the fallback nor meets the training floor until it joins triage-corpus.jsonl with them (tests/corpus/README.md).
    /// </summary>
    public const string PendingFile = "triage-pending.jsonl";

    public static IReadOnlyList<UnseenBatch> From(IReadOnlyList<CorpusLine> tuning, IReadOnlyList<CorpusLine> holdout) =>
    [
        .. tuning.Concat(holdout)
            .Where(line => line.Batch is not null)
            .GroupBy(line => line.Batch!.Value)
            .OrderBy(batch => batch.Key)
            .Select(batch => new UnseenBatch(batch.Key, [.. batch], holdout.Count(line => line.Batch == batch.Key))),
    ];

    public Figure WhenFirstScored => Figure.Of(Lines, line => line.FirstAnswer);

    public Figure Today(ISymptomClassifier classifier) =>
        Figure.Of(Lines, line => classifier.Classify(line.Text, line.Field, line.ExitCode).Playbook?.ToString(CultureInfo.InvariantCulture) ?? "none");

    public string Describe(ISymptomClassifier classifier) =>
        $"batch {Number}, {Lines.Count} lines ({HeldOut} held out): unseen when first scored {WhenFirstScored.Describe()}; "
        + $"today, looked at: {Today(classifier).Describe()}";

    /// <summary>A batch's score: top-1 right, look-alikes called a failure, failures answered "none".</summary>
    internal sealed record Figure(int Lines, int Right, int LookAlikes, int FalseAlarms, int Failures, int AnsweredNone)
    {
        public static Figure Of(IReadOnlyList<CorpusLine> lines, Func<CorpusLine, string?> answer)
        {
            var answers = lines.Select(line => (line.ExpectedName, Got: answer(line))).ToList();
            var lookAlikes = answers.Where(a => a.ExpectedName == "none").ToList();
            var failures = answers.Where(a => a.ExpectedName != "none").ToList();
            return new Figure(
                answers.Count,
                answers.Count(a => a.Got == a.ExpectedName),
                lookAlikes.Count,
                lookAlikes.Count(a => a.Got != "none"),
                failures.Count,
                failures.Count(a => a.Got == "none"));
        }

        public double Accuracy => Lines == 0 ? 0 : Right / (double)Lines;

        public string Describe() =>
            $"{Right}/{Lines} = {Accuracy:P1}, look-alikes called a failure {FalseAlarms}/{LookAlikes}, failures answered none {AnsweredNone}/{Failures}";
    }
}
