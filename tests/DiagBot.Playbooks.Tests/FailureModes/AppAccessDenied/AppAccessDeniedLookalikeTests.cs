using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Services;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>
/// Playbook 4 against its look-alike: an AccessDenied naming the task role that was the deploy pipeline's iam:PassRole
/// refusal. The app is never denied; the answer names the deployer's permission, outside the fifteen.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class AppAccessDeniedLookalikeTests(SandboxEvidenceFixture sandbox)
{
    private const string Lookalike = "lookalike-deployer-passrole";

    [Fact]
    public async Task Investigate_DeployersPassRoleDenial_IsRuledOutFromTheAppsOwnLogs()
    {
        var verdict = await new AppAccessDeniedPlaybook().InvestigateAsync(await sandbox.ScenarioContextAsync(Lookalike), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, null), (verdict.Status, verdict.SubCause));
        Assert.Contains("No AccessDenied or \"not authorized to perform\" in the application's logs", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Evidence, e => e.Value.EndsWith("role/statement-api-task-role", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_DeployersPassRoleDenial_IsNoneOfTheFifteenAndNamesTheDeployer()
    {
        var report = await sandbox.DiagnoseAsync(Lookalike);

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
        var outside = Assert.Single(report.Outside, o => o.Name == "deployer-permission-denied");
        Assert.Contains("iam:PassRole", outside.RootCause, StringComparison.Ordinal);
    }
}
