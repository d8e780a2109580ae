using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Triage;

/// <summary>
/// A strong "none" fact (a job that finished, a stop on purpose) answers the failure playbooks it explains: triage
/// discounts them below the bar, keeps them listed with the reason, and does not run them.
/// </summary>
public sealed class SettledPlaybooksTests
{
    private const string CrashWords = "the nightly job keeps restarting";

    [Fact]
    public void Rank_FinishedBatchJobAndCrashWords_SetsTheCrashLoopAsideAndSaysWhy()
    {
        var facts = TaskFacts.From(EcsTasks.ExitedZero()).Append(SymptomFacts.From(CrashWords));

        var ranking = CreateSut().Rank(facts);

        var crashLoop = Assert.Single(ranking, r => r.Playbook.Id == CrashLoop.Number);
        Assert.True(crashLoop.Score < PlaybookRanker.MinimumScore, $"score {crashLoop.Score}");
        Assert.Contains("discounted, because ecs:DescribeTasks stop", crashLoop.Why, StringComparison.Ordinal);
        Assert.Contains("exited with code 0: a job that finished", crashLoop.Why, StringComparison.Ordinal);
        Assert.DoesNotContain(PlaybookRanker.ToRun(ranking), r => r.Playbook.Id == CrashLoop.Number);
    }

    [Fact]
    public void Rank_CrashWordsAlone_RunTheCrashLoop()
    {
        var ranking = CreateSut().Rank([SymptomFacts.From(CrashWords)]);

        Assert.Equal(CrashLoop.Number, PlaybookRanker.ToRun(ranking).First().Playbook.Id);
        Assert.DoesNotContain("discounted", ranking[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_StopOnPurposeWithExit137_SetsTheCrashLoopAsideButKeepsPlaybook7ToSayItWasNotMemory()
    {
        var facts = TaskFacts.From(EcsTasks.KilledAfterStopTimeout()).Append(SymptomFacts.From("tasks keep crashing"));

        var run = PlaybookRanker.ToRun(CreateSut().Rank(facts)).Select(r => r.Playbook.Id).ToList();

        Assert.Contains(7, run);
        Assert.DoesNotContain(8, run);
    }

    [Fact]
    public void Rank_PodRestartingAfterExit0_StillRunsTheCrashLoop()
    {
        // A Deployment's container that exits 0 and is restarted for ever is a loop: exit 0 alone is a weak "none".
        TriageFact[] facts =
        [
            new(EvidenceField.PodStatus, "CrashLoopBackOff back-off 5m0s restarting failed container=worker pod=worker-6f7d8c9b5-abcde_jobs(0d6f)", null, "kubernetes pod status worker waiting"),
            new(EvidenceField.ContainerReason, "Completed", 0, "kubernetes pod status worker last terminated"),
        ];

        var run = PlaybookRanker.ToRun(CreateSut().Rank(facts)).ToList();

        Assert.Equal(CrashLoop.Number, run[0].Playbook.Id);
        Assert.DoesNotContain("discounted", run[0].Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0, 0 }, 0)]
    [InlineData(new[] { 1, 0 }, 1)]
    [InlineData(new[] { 137 }, 137)]
    [InlineData(new[] { 1, 2 }, null)]
    public void From_EssentialContainerExited_ReadsTheStopWithTheExitCodeThatEndedTheTask(int[] exitCodes, int? expected)
    {
        var task = EcsTasks.ExitedZero() with { Containers = [.. exitCodes.Select((code, i) => new EcsContainer { Name = $"c{i}", ExitCode = code })] };

        var facts = TaskFacts.From(task);

        Assert.All(facts.Where(f => f.Field == EvidenceField.StoppedReason), f => Assert.Equal(expected, f.ExitCode));
    }

    private static PlaybookRanker CreateSut() =>
        new(new SymptomClassifier(), [.. PlaybookCatalog.Modes.Select(mode => (IPlaybook)new StubPlaybook(mode.Number, Verdicts.VerdictStatus.Inconclusive))]);
}
