using System.Diagnostics;
using System.Net;
using DiagBot.Bot.Chat;
using DiagBot.Sandbox;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>
/// Each AWS service (and the Kubernetes API) throttled, failing with 5xx, denied or hanging in turn: every diagnosis is
/// ended by the bot's own call timeout and budget (never by the test giving up) and names the gap; 200 at once with faults
/// on leave the bot answering. How long that takes is the bench's to measure, not a test's.
/// </summary>
public sealed class DiagnosisFaultTests(ITestOutputHelper output)
{
    // Each service with an incident whose diagnosis reads it.
    private static readonly (string Service, int Playbook)[] Readers =
    [
        ("ecs", 7), ("elasticloadbalancing", 5), ("ec2", 1), ("logs", 8), ("cloudtrail", 2), ("kubernetes", 9),
    ];

    private static readonly SandboxFaultKind[] Kinds = [SandboxFaultKind.Throttling, SandboxFaultKind.ServerError, SandboxFaultKind.AccessDenied, SandboxFaultKind.Hang];

    [Fact]
    public async Task Diagnose_EachServiceFaultyInTurn_FinishesWithinBudgetAndNamesTheGap()
    {
        await using var sut = await FaultyBot.StartAsync();
        var cases = 0;
        foreach (var kind in Kinds)
        {
            foreach (var (service, playbook) in Readers)
            {
                sut.Sandbox.Faults.Clear();
                sut.Sandbox.Faults.Set(service, SandboxFaults.AnyOperation, new SandboxFault { Kind = kind, HangFor = TimeSpan.FromSeconds(30) });
                var (outcome, elapsed) = await sut.DiagnoseAsync(sut.SubjectOf(playbook));
                cases++;

                Assert.False(EndedByTheCaller(outcome), $"{service} {kind}: the test gave up after {elapsed}; the bot's bounds did not end it");
                Assert.True(NamesGap(outcome, service), $"{service} {kind}: no gap names {service}: {outcome.Problem ?? string.Join("; ", Gaps(outcome))}");
            }
        }

        output.WriteLine($"fault cases: {cases}");
        Assert.Equal(Kinds.Length * Readers.Length, cases);
    }

    [Fact]
    public async Task Diagnose_200AtOnceWithFaultsOnEveryService_AllFinishWithinBudgetWhileHealthAnswers()
    {
        await using var sut = await FaultyBot.StartAsync();
        sut.Sandbox.Faults.Set("ecs", "DescribeServices", new SandboxFault { Kind = SandboxFaultKind.Throttling });
        sut.Sandbox.Faults.Set("ecs", SandboxFaults.AnyOperation, new SandboxFault { Latency = TimeSpan.FromMilliseconds(50) });
        sut.Sandbox.Faults.Set("elasticloadbalancing", SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.ServerError });
        sut.Sandbox.Faults.Set("ec2", SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.Hang, HangFor = TimeSpan.FromSeconds(30) });
        sut.Sandbox.Faults.Set("logs", SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.Hang, HangFor = TimeSpan.FromSeconds(30) });
        sut.Sandbox.Faults.Set("cloudtrail", SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        sut.Sandbox.Faults.Set("kubernetes", SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.Throttling });
        var subjects = sut.Sandbox.Scenarios.Where(s => s.Playbook is not null).Select(s => s.Subject).ToArray();

        using (await sut.Bot.Client.GetAsync(new Uri("healthz", UriKind.Relative)))
        {
        }

        var diagnoses = Enumerable.Range(0, 200).Select(i => sut.DiagnoseAsync(subjects[i % subjects.Length])).ToList();
        var health = await HealthWhileAsync(sut, Task.WhenAll(diagnoses));
        var results = await Task.WhenAll(diagnoses);

        var slowest = results.Max(r => r.Elapsed);
        output.WriteLine($"200 concurrent diagnoses: slowest {slowest.TotalMilliseconds:0} ms; health answered {health.Count} times, slowest {health.Max().TotalMilliseconds:0} ms");
        Assert.All(results, r => Assert.False(EndedByTheCaller(r.Outcome), $"the test gave up after {r.Elapsed}"));
        Assert.All(results, r => Assert.True(r.Outcome.Report is not null || r.Outcome.Problem is not null));
        Assert.NotEmpty(health);
    }

    private static async Task<List<TimeSpan>> HealthWhileAsync(FaultyBot sut, Task running)
    {
        var timings = new List<TimeSpan>();
        do
        {
            var clock = Stopwatch.StartNew();
            using var deadline = new CancellationTokenSource(FaultyBot.CallerPatience);
            using var response = await sut.Bot.Client.GetAsync(new Uri("healthz", UriKind.Relative), deadline.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            timings.Add(clock.Elapsed);
            await Task.Delay(100);
        }
        while (!running.IsCompleted);
        return timings;
    }

    private static bool EndedByTheCaller(DiagnosisOutcome outcome) =>
        Gaps(outcome).Any(gap => gap.Detail.Contains(FaultyBot.CancelledByTheCaller, StringComparison.Ordinal))
        || (outcome.Problem?.Contains(FaultyBot.CancelledByTheCaller, StringComparison.Ordinal) ?? false);

    private static bool NamesGap(DiagnosisOutcome outcome, string service) =>
        Gaps(outcome).Any(gap => string.Equals(gap.Source, service, StringComparison.OrdinalIgnoreCase))
        || (outcome.Problem?.Contains(service, StringComparison.OrdinalIgnoreCase) ?? false);

    private static IEnumerable<Diagnostics.Evidence.EvidenceGap> Gaps(DiagnosisOutcome outcome) =>
        outcome.Report is null ? [] : [.. outcome.Report.TriageGaps, .. outcome.Report.Verdicts.SelectMany(v => v.Missing)];
}
