using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Tests.Catalogue;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.Diagnosis;

/// <summary>
/// How long an engineer waits is, against a real AWS, the number of round trips one after another. Every seeded
/// incident is diagnosed in three: the first facts, what they name, and what the playbooks read next, all asked
/// for as soon as what they need is known. A prefetch whose question no longer matches the playbook's makes one
/// incident take four, which the bench would show only as a slower percentile. And no read outlives the diagnosis
/// that started it.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class RoundTripTests(SandboxEvidenceFixture sandbox)
{
    private const int MostRounds = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(SeededIncidentTests.Incidents), MemberType = typeof(SeededIncidentTests))]
    public async Task Diagnose_SeededIncident_TakesAtMostThreeRoundTrips(string scenario, int playbook)
    {
        var rounds = new EvidenceRounds();
        DiagnosisReport? report = null;

        var count = await rounds.CountAsync(async () => report = await sandbox.DiagnoseAsync(scenario, new RoundedEvidenceSessions(sandbox.Sessions, rounds)), Deadline);

        var first = report!.Verdicts[0];
        Assert.True(first.Playbook == playbook && first.Status == VerdictStatus.Confirmed, $"{scenario}: first is {first.Playbook} {first.Status}: {first.RootCause}");
        Assert.True(count <= MostRounds, $"{scenario}: {count} round trips, more than {MostRounds}:\n{rounds.Log}");

        // A read that outlives its diagnosis can be joined by the next one, and makes a diagnosis's cost depend on timing.
        Assert.True(rounds.Outlived.Count == 0, $"{scenario}: answered before {string.Join(", ", rounds.Outlived)}:\n{rounds.Log}");
    }

    [Fact]
    public async Task Count_ReadThatNeedsAnotherReadsAnswer_TakesOneMoreRound()
    {
        // The counter itself: triage alone of a service is three reads deep (service, then its tasks and task
        // definition, then the tasks and log lines), so a diagnosis cannot come in under that.
        var rounds = new EvidenceRounds();

        var count = await rounds.CountAsync(() => sandbox.DiagnoseAsync("healthy-orders-api", new RoundedEvidenceSessions(sandbox.Sessions, rounds)), Deadline);

        Assert.True(count == MostRounds, $"{count} round trips, not {MostRounds}:\n{rounds.Log}");
    }
}
