using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Triage;

/// <summary>
/// Requests that took longer than a load balancer usually waits, found in log lines ("completed in 87412 ms",
/// "took 75s", {"responseTime":87412}) as playbook 13 reads them (see RequestDuration). Only meaningful for a service
/// behind a load balancer; playbook 13 compares with the real idle timeout.
/// </summary>
internal static class SlowRequestFacts
{
    // The ALB idle timeout defaults to 60 s; a request past half of it is worth a look.
    private static readonly TimeSpan Suspicious = TimeSpan.FromSeconds(30);
    private const double Score = 0.5;

    public static IEnumerable<TriageFact> From(IEnumerable<TriageFact> logFacts)
    {
        var slowest = logFacts
            .Select(fact => (Fact: fact, Duration: LongestDurationIn(fact.Text)))
            .Where(entry => entry.Duration >= Suspicious)
            .OrderByDescending(entry => entry.Duration)
            .FirstOrDefault();
        if (slowest.Fact is null)
        {
            yield break;
        }

        yield return TriageFact.Pointing(Alb504Timeout.Number, Score, slowest.Fact.Source, $"a request took {slowest.Duration.TotalSeconds:0} s in the logs, longer than load balancers commonly wait");
    }

    private static TimeSpan LongestDurationIn(string line) =>
        RequestDuration.Of(line).Select(d => d.Duration).DefaultIfEmpty(TimeSpan.Zero).Max();
}
