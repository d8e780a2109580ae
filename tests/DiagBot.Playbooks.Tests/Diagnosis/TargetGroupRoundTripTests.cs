using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.Diagnosis;

/// <summary>
/// `target group &lt;name&gt;` subjects, counted the way <see cref="RoundTripTests"/> counts the seeded incidents. A controller's
/// group is five reads deep: the group by name, its tags and targets, the bindings of the namespace its tags name, the binding's
/// Service and the namespace's pods, then the pod's events and log, beside which the playbooks' own reads of the bindings and
/// the load balancer start (they were a round later, after triage, and 13's load balancer one more). Four would take a read
/// made before it is known to be needed (the namespace's pods before a binding names the group). An ECS group goes through
/// its targets' interfaces to the service, whose own triage is three deep. A pod with security groups of its own adds only the
/// rules of its branch interface's groups: its interface, its SecurityGroupPolicies and the load balancer start with its events.
/// An empty `instance` group is found by the account search, started beside its load balancer's other groups.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class TargetGroupRoundTripTests(SandboxEvidenceFixture sandbox)
{
    private const int ControllerGroupRounds = 5;
    private const int EcsGroupRounds = 6;

    // Was 9: the load balancer's other groups, their targets, their interfaces, their services, then the account search, one after another.
    private const int EmptyInstanceGroupRounds = 5;

    // Was 8: the pod's node's instance, branch interface, SecurityGroupPolicies and the load balancer waited for the bindings' reads.
    private const int PodSecurityGroupRounds = 6;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("target group k8s-checkout-checkout-6f2a9d41c7", TargetsUnhealthy.Number, ControllerGroupRounds)]
    [InlineData("target group k8s-checkout-receipta-5e1d8b3f9a", Alb503NoTargets.Number, ControllerGroupRounds)]
    [InlineData("target group k8s-payments-invoicer-9e3a6f2c18 504 gateway timeout", Alb504Timeout.Number, ControllerGroupRounds)]
    [InlineData("targets unhealthy in target group catalog-api-tg", TargetsUnhealthy.Number, EcsGroupRounds)]
    [InlineData("target group storefront-tg", Alb503NoTargets.Number, EmptyInstanceGroupRounds)]
    [InlineData("target group k8s-payments-ledgerap-7e2c4a91d3", TargetsUnhealthy.Number, PodSecurityGroupRounds)]
    public async Task Diagnose_TargetGroupSubject_TakesAtMostItsRoundTrips(string text, int playbook, int most)
    {
        var (report, count, rounds) = await CountAsync(text);

        var first = report.Verdicts[0];
        Assert.True(first.Playbook == playbook && first.Status == VerdictStatus.Confirmed,
            $"{text}: first is {first.Playbook} {first.Status}: {first.RootCause}");
        Assert.True(count <= most, $"{text}: {count} round trips, more than {most}:\n{rounds.Log}");
        Assert.True(rounds.Outlived.Count == 0, $"{text}: answered before {string.Join(", ", rounds.Outlived)}:\n{rounds.Log}");
    }

    [Fact]
    public async Task Diagnose_EmptyInstanceGroup_TakesTheSearchsServiceWithoutFollowingTheNeighboursFurther()
    {
        // The search starts beside the neighbours' trace; once it names storefront, their interfaces and services are not read.
        var (report, _, rounds) = await CountAsync("target group storefront-tg");

        Assert.Equal(Alb503NoTargets.Number, report.Verdicts[0].Playbook);
        Assert.Contains("IEcsEvidence.DescribeAllServicesAsync", rounds.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("DescribeNetworkInterfacesByAddressAsync", rounds.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("DescribeServiceAsync(\"prod\",\"catalog-api\")", rounds.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_HealthyControllerGroup_StartsNoLoadBalancerPlaybooksReads()
    {
        // Its targets are healthy and no words name a failure: no playbook runs, so none of their reads may start early.
        var (report, count, rounds) = await CountAsync("target group k8s-checkout-loyaltya-2c7e91b04d");

        Assert.Empty(report.Verdicts);
        Assert.True(count <= ControllerGroupRounds, $"{count} round trips, more than {ControllerGroupRounds}:\n{rounds.Log}");
        Assert.DoesNotContain("DescribeTargetGroupsAsync", rounds.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("GetServiceAsync(\"sandbox-eks\",\"checkout\",\"receipt-api\")", rounds.Log, StringComparison.Ordinal);
    }

    private async Task<(DiagnosisReport Report, int Count, EvidenceRounds Rounds)> CountAsync(string text)
    {
        var rounds = new EvidenceRounds();
        var diagnoser = new Diagnoser(new RoundedEvidenceSessions(sandbox.Sessions, rounds),
            new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), sandbox.Clock);
        DiagnosisReport? report = null;
        var subject = SubjectParser.Parse(text).Subject!;
        var count = await rounds.CountAsync(async () => report = await diagnoser.DiagnoseAsync(subject, CancellationToken.None), Deadline);
        return (report!, count, rounds);
    }
}
