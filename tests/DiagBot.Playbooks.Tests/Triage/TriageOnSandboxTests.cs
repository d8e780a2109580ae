using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.Triage;

/// <summary>
/// Triage alone, on every seeded incident: from the first facts read through the live clients, the incident's
/// playbook ranks first. Stub playbooks stand in for all fifteen, so this pins triage, not the playbooks.
/// </summary>
public sealed class TriageOnSandboxTests(SandboxEvidenceFixture sandbox) : IClassFixture<SandboxEvidenceFixture>
{
    public static TheoryData<string, int> Incidents() => new()
    {
        { "p01-task-stuck-provisioning", 1 },
        { "p02-cannot-pull-image", 2 },
        { "p03-secrets-pull-failed", 3 },
        { "p04-app-access-denied", 4 },
        { "p05-alb-503", 5 },
        { "p06-targets-unhealthy", 6 },
        { "p07-task-oom", 7 },
        { "p08-crash-loop", 8 },
        { "p09-pod-pending", 9 },
        { "p10-pod-container-creating", 10 },
        { "p11-spot-interruption", 11 },
        { "p12-deploy-stuck", 12 },
        { "p13-alb-504", 13 },
        { "p14-exec-format-error", 14 },
    };

    [Theory]
    [MemberData(nameof(Incidents))]
    public async Task Rank_SeededIncident_PutsItsPlaybookFirst(string scenario, int expected)
    {
        var subject = SubjectParser.Parse(sandbox.SubjectOf(scenario)).Subject!;
        var stubs = Enumerable.Range(1, 15).Select(id => (IPlaybook)new StubPlaybook(id, VerdictStatus.Inconclusive)).ToList();
        var diagnoser = new Diagnoser(sandbox.Sessions, new PlaybookRanker(new SymptomClassifier(), stubs), TimeProvider.System);

        var report = await diagnoser.DiagnoseAsync(subject, CancellationToken.None);

        Assert.True(report.Ranking.Count > 0, $"{scenario}: nothing ranked; gaps: {string.Join("; ", report.TriageGaps)}");
        var ranking = string.Join(" | ", report.Ranking.Select(r => $"{r.Playbook.Id} {r.Score:0.00} {r.Why}"));
        Assert.True(report.Ranking[0].Playbook.Id == expected, $"{scenario}: expected {expected} first, got {ranking}");
    }
}
