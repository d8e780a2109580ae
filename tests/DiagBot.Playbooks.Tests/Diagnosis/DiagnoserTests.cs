using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.Diagnosis;

public sealed class DiagnoserTests
{
    private readonly ScriptedEvidence _evidence = new();

    [Fact]
    public async Task Diagnose_OomTask_RunsPlaybook7AndConfirms()
    {
        _evidence.Tasks.Add(EcsTasks.OutOfMemory());
        _evidence.TaskDefinitions.Add(EcsTasks.Definition());
        var sut = CreateSut(new FakeClassifier(("OutOfMemoryError", 7, 0.95)), PlaybookCatalog.Create());

        var report = await sut.DiagnoseAsync(Subject(EcsTasks.OomTaskId), CancellationToken.None);

        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal((TaskOutOfMemory.Number, VerdictStatus.Confirmed), (verdict.Playbook, verdict.Status));
        Assert.True(report.FoundFailure);
        Assert.Contains("OutOfMemoryError", report.Ranking[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_Exit137WithoutOomWords_StillAsksPlaybook7WhichRulesMemoryOut()
    {
        _evidence.Tasks.Add(EcsTasks.KilledAfterStopTimeout());
        _evidence.TaskDefinitions.Add(EcsTasks.Definition());
        var sut = CreateSut(new FakeClassifier(), PlaybookCatalog.Create());

        var report = await sut.DiagnoseAsync(Subject(EcsTasks.SigKillTaskId), CancellationToken.None);

        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.False(report.FoundFailure);
        Assert.Contains("exit code 137", report.Ranking[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_UnknownTask_IsASubjectProblemNotAVerdict()
    {
        var sut = CreateSut(new FakeClassifier(), PlaybookCatalog.Create());

        var report = await sut.DiagnoseAsync(Subject("ffffffffffffffffffffffffffffffff"), CancellationToken.None);

        Assert.Contains("task ffffffffffffffffffffffffffffffff not found", report.SubjectProblem, StringComparison.Ordinal);
        Assert.Empty(report.Verdicts);
    }

    [Fact]
    public async Task Diagnose_PastedMessageWhoseUuidIsNoTask_ReadsItsWordsAndNamesTheIdAsAGap()
    {
        // The log driver's error as the ECS troubleshooting pages quote it: the UUID is a credentials request's, not a task's.
        var classifier = new DiagBot.Playbooks.Classification.SymptomClassifier();
        var sut = new Diagnoser(_evidence, new PlaybookRanker(classifier, PlaybookCatalog.Create()), TimeProvider.System);
        const string pasted = "CannotStartContainerError: failed to initialize logging driver: failed to create Cloudwatch log stream: "
            + "RequestId: f44dd3f1-de3b-4246-ba41-ac7b2f813280";

        var report = await sut.DiagnoseAsync(Subject(pasted), CancellationToken.None);

        Assert.Null(report.SubjectProblem);
        Assert.Equal(["log-driver-setup"], report.Outside.Select(o => o.Name));
        var gap = Assert.Single(report.TriageGaps);
        Assert.Equal(GapReason.NotFound, gap.Reason);
        Assert.Contains("aws ecs list-tasks --cluster <cluster> --desired-status STOPPED", gap.Detail, StringComparison.Ordinal);
        Assert.EndsWith("the other words were read alone", gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_DescribeTasksDenied_ReportsTheGapInsteadOfFailing()
    {
        _evidence.Gaps["DescribeTasks"] = new EvidenceGap("ecs", "DescribeTasks", GapReason.AccessDenied, "not authorized to perform: ecs:DescribeTasks");
        var sut = CreateSut(new FakeClassifier(), PlaybookCatalog.Create());

        var report = await sut.DiagnoseAsync(Subject(EcsTasks.OomTaskId), CancellationToken.None);

        Assert.Null(report.SubjectProblem);
        Assert.Equal(GapReason.AccessDenied, Assert.Single(report.TriageGaps).Reason);
    }

    [Fact]
    public async Task Diagnose_PlaybookThrows_BecomesInconclusiveAndOthersStillAnswer()
    {
        _evidence.Tasks.Add(EcsTasks.OutOfMemory());
        var broken = new StubPlaybook(2, VerdictStatus.Confirmed, throws: true);
        var working = new StubPlaybook(3, VerdictStatus.Likely);
        var sut = CreateSut(new FakeClassifier(("OutOfMemoryError", 2, 0.9), ("Essential container", 3, 0.6)), [broken, working]);

        var report = await sut.DiagnoseAsync(Subject(EcsTasks.OomTaskId), CancellationToken.None);

        Assert.Equal([3, 2], report.Verdicts.Select(v => v.Playbook));
        Assert.Equal(VerdictStatus.Inconclusive, report.Verdicts[1].Status);
        Assert.Contains("stub-2 failed", report.Verdicts[1].RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_ManyCandidates_RunsOnlyTheBestThree()
    {
        _evidence.Tasks.Add(EcsTasks.OutOfMemory());
        var stubs = Enumerable.Range(1, 5).Select(id => new StubPlaybook(id, VerdictStatus.Likely)).ToList();
        var sut = CreateSut(
            new FakeClassifier(("Essential", 1, 0.9), ("Essential", 2, 0.8), ("Essential", 3, 0.7), ("Essential", 4, 0.6), ("Essential", 5, 0.5)),
            stubs);

        var report = await sut.DiagnoseAsync(Subject(EcsTasks.OomTaskId), CancellationToken.None);

        Assert.Equal([1, 2, 3], report.Verdicts.Select(v => v.Playbook));
        Assert.False(stubs[3].Ran);
        Assert.Equal(5, report.Ranking.Count);
    }

    [Fact]
    public async Task Diagnose_SymptomText_RanksWithoutCallingAws()
    {
        var sut = CreateSut(new FakeClassifier(("503", 5, 0.7)), PlaybookCatalog.Create());

        var report = await sut.DiagnoseAsync(new SymptomSubject("ALB 503 since the deploy"), CancellationToken.None);

        Assert.Empty(report.Verdicts);
        Assert.Empty(_evidence.Calls);
    }

    [Fact]
    public async Task Diagnose_SymptomNamingAQuota_AnswersItOutsideTheFifteenWithFixAndConfirm()
    {
        var sut = new Diagnoser(_evidence, new PlaybookRanker(new DiagBot.Playbooks.Classification.SymptomClassifier(), PlaybookCatalog.Create()), TimeProvider.System);

        var report = await sut.DiagnoseAsync(
            new SymptomSubject("service web was unable to place a task. Reason: You've reached the limit on the number of vCPUs you can run concurrently"),
            CancellationToken.None);

        var outside = Assert.Single(report.Outside);
        Assert.Equal("service-quota", outside.Name);
        Assert.Contains("quota", outside.RootCause, StringComparison.Ordinal);
        Assert.NotEmpty(outside.Fix);
        Assert.Equal("aws ecs list-clusters", outside.Confirm);
        Assert.Empty(report.Verdicts);
        Assert.Empty(_evidence.Calls);
    }

    [Fact]
    public async Task Diagnose_SymptomNoRuleReads_RanksTriagesUnsureAnswerNamedAsSuch()
    {
        // aws-samples/eks-workshop-v2#693: no rule reads it; the learned fallback (its words "target group", "unhealthy") does.
        var classifier = new DiagBot.Playbooks.Classification.SymptomClassifier();
        var sut = new Diagnoser(_evidence, new PlaybookRanker(classifier, PlaybookCatalog.Create()), TimeProvider.System);

        var report = await sut.DiagnoseAsync(
            new SymptomSubject("By default this configuration will make the Target Group for the catalog application unhealthy"), CancellationToken.None);

        var ranked = Assert.Single(report.Ranking);
        Assert.Equal(6, ranked.Playbook.Id);
        Assert.True(ranked.Score < DiagBot.Playbooks.Classification.SymptomClassifier.UnsureBelow, $"score {ranked.Score}");
        Assert.StartsWith("your words: unsure between playbook 6 and none: ", ranked.Why, StringComparison.Ordinal);
        Assert.Contains("no rule recognised this symptomText", ranked.Why, StringComparison.Ordinal);
        Assert.Empty(report.Verdicts);
        Assert.Empty(_evidence.Calls);
    }

    private static TaskSubject Subject(string id) => Assert.IsType<TaskSubject>(SubjectParser.Parse(id).Subject);

    private Diagnoser CreateSut(FakeClassifier classifier, IReadOnlyList<IPlaybook> playbooks) =>
        new(_evidence, new PlaybookRanker(classifier, playbooks), TimeProvider.System);
}
