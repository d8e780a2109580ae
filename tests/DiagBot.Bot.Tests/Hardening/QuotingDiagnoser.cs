using DiagBot.Bot.Incidents;
using DiagBot.Bot.Tests.Charts;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>A diagnosis quoting hostile text; its chart's words quote it too, as a chart titled after a service or task would.</summary>
internal sealed class QuotingDiagnoser(string title, string rootCause) : IIncidentDiagnoser
{
    public Task<IncidentDiagnosis> DiagnoseAsync(IncidentSubject subject, CancellationToken cancellationToken) =>
        Task.FromResult(new IncidentDiagnosis(title, rootCause) { Charts = [RealisticCharts.Memory() with { Title = rootCause }] });
}

internal sealed class CrashLoopHint : IPlaybookHint
{
    public string PlaybookFor(string evidence) => "crash-loop";
}
