using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Tests.Catalogue;
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
[Collection(SandboxReads.Name)]
public sealed class TriageOnSandboxTests(SandboxEvidenceFixture sandbox)
{
    [Theory]
    [MemberData(nameof(SeededIncidentTests.Incidents), MemberType = typeof(SeededIncidentTests))]
    public async Task Rank_SeededIncident_PutsItsPlaybookFirst(string scenario, int expected)
    {
        var subject = SubjectParser.Parse(sandbox.SubjectOf(scenario)).Subject!;
        var stubs = PlaybookCatalog.Modes.Select(mode => (IPlaybook)new StubPlaybook(mode.Number, VerdictStatus.Inconclusive)).ToList();
        var diagnoser = new Diagnoser(sandbox.Sessions, new PlaybookRanker(new SymptomClassifier(), stubs), sandbox.Clock);

        var report = await diagnoser.DiagnoseAsync(subject, CancellationToken.None);

        Assert.True(report.Ranking.Count > 0, $"{scenario}: nothing ranked; gaps: {string.Join("; ", report.TriageGaps)}");
        var ranking = string.Join(" | ", report.Ranking.Select(r => $"{r.Playbook.Id} {r.Score:0.00} {r.Why}"));
        Assert.True(report.Ranking[0].Playbook.Id == expected, $"{scenario}: expected {expected} first, got {ranking}");
    }
}
