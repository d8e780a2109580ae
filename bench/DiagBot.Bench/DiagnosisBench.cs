using System.Diagnostics;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Hosting;
using DiagBot.Diagnostics;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiagBot.Bench;

/// <summary>
/// Every seeded incident diagnosed through the live clients against the sandbox, which adds L to every call:
/// once with evidence calls as the playbooks make them (parallel where independent) and once serialised.
/// </summary>
internal static class DiagnosisBench
{
    /// <summary>
    /// Each timed diagnosis starts with the account's request budgets full, as when one engineer asks: the sandbox
    /// enforces AWS's documented rates, and the slowest DiagBot meets, CloudTrail's two LookupEvents a second, would
    /// otherwise carry one run's calls into the next run's time. DiagBot refills its own budget at 0.9 of AWS's rate,
    /// so a burst of two lookups takes 1.1 s to come back. Rate limits under load are the scale bench's part.
    /// </summary>
    private static readonly TimeSpan RateBudgetRefill = TimeSpan.FromSeconds(1.5);

    public static async Task<DiagnosisFigures> RunAsync(TimeSpan latency, int repetitions, TextWriter? trace = null)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var services = EvidenceServices(sandbox);
        var live = services.GetRequiredService<IEvidenceSessionFactory>();
        var counter = new EvidenceCallCounter(trace);
        var parallel = Service(new MeasuredEvidenceSessions(live, sequential: false, counter));
        var sequential = Service(new MeasuredEvidenceSessions(live, sequential: true, counter));
        var meter = new SandboxCallMeter(sandbox.Faults, latency);

        var incidents = sandbox.Scenarios.Where(s => s.Playbook is not null).OrderBy(s => s.Playbook).ToList();
        var parallelTimes = new List<double>();
        var sequentialTimes = new List<double>();
        var rows = new List<IncidentRow>();
        foreach (var incident in incidents)
        {
            meter.Reset();
            counter.Reset();
            trace?.WriteLine($"{incident.Name}: evidence reads of the first parallel run, started → answered");
            counter.Tracing = true;
            var warm = await parallel.DiagnoseAsync(incident.Subject, CancellationToken.None);
            counter.Tracing = false;
            var sent = meter.Sent();
            var asked = counter.AskedCount;
            var found = warm.Report?.Verdicts.FirstOrDefault(v => v.Status.IsFailureFound())?.Playbook;
            var note = found is null ? warm.Problem ?? string.Join("; ", warm.Report!.Verdicts.Select(v => $"{v.Playbook} {v.Status.ToWire()}").DefaultIfEmpty("no verdict").Concat(warm.Report.TriageGaps.Select(g => g.ToString()))) : null;
            var rowParallel = new List<double>();
            var rowSequential = new List<double>();
            for (var i = 0; i < repetitions; i++)
            {
                await Task.Delay(RateBudgetRefill);
                rowParallel.Add(await TimeAsync(parallel, incident.Subject, latency));
                await Task.Delay(RateBudgetRefill);
                rowSequential.Add(await TimeAsync(sequential, incident.Subject, latency));
            }

            parallelTimes.AddRange(rowParallel);
            sequentialTimes.AddRange(rowSequential);
            rows.Add(new IncidentRow(incident.Name, incident.Playbook!.Value, found, note, asked, sent, rowParallel.Average(), rowSequential.Average()));
        }

        sandbox.Faults.Clear();
        return new DiagnosisFigures(rows, parallelTimes, sequentialTimes);
    }

    private static async Task<double> TimeAsync(DiagnosisService service, string subject, TimeSpan latency)
    {
        var clock = Stopwatch.StartNew();
        await service.DiagnoseAsync(subject, CancellationToken.None);
        return clock.Elapsed / latency;
    }

    private static DiagnosisService Service(IEvidenceSessionFactory sessions) =>
        new(new Diagnoser(sessions, new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), TimeProvider.System), TimeProvider.System, NullLoggerFactory.Instance);

    private static ServiceProvider EvidenceServices(SandboxServer sandbox) =>
        new ServiceCollection()
            .AddDiagBotEvidence(new ConfigurationBuilder().AddInMemoryCollection(DiagBotSettings.For(sandbox)).Build(), SandboxWiring.Credentials(sandbox))
            .BuildServiceProvider();
}
