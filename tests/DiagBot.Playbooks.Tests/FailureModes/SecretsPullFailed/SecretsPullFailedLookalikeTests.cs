using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>
/// Playbook 3 against its look-alike: a task that injects a secret and stopped with a ResourceInitializationError, but
/// for its missing log group. Not a secrets failure: the answer names the log group, outside the fifteen.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class SecretsPullFailedLookalikeTests(SandboxEvidenceFixture sandbox)
{
    private const string Lookalike = "lookalike-missing-log-group";

    [Fact]
    public async Task Investigate_ResourceInitializationErrorOfTheLogDriver_IsRuledOut()
    {
        var verdict = await new SecretsPullFailedPlaybook().InvestigateAsync(await sandbox.TaskContextAsync(Lookalike), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, null), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Evidence, e => e.Fact == "task stopped reason"
            && e.Value.StartsWith("ResourceInitializationError: failed to validate logger args", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_MissingLogGroup_IsNoneOfTheFifteenAndNamesTheLogDriver()
    {
        var report = await sandbox.DiagnoseAsync(Lookalike);

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
        var outside = Assert.Single(report.Outside, o => o.Name == "log-driver-setup");
        Assert.Contains("log group is missing", outside.RootCause, StringComparison.Ordinal);
        Assert.Contains("describe-tasks --cluster prod --tasks", outside.Confirm, StringComparison.Ordinal);
    }
}
