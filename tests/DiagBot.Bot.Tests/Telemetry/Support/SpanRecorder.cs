using System.Collections.Concurrent;
using System.Diagnostics;
using DiagBot.Diagnostics.Telemetry;
using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Bot.Tests.Telemetry.Support;

/// <summary>
/// Records the spans DiagBot's sources finish under one test root span, so tests running in parallel (each with
/// its own root and trace) do not see each other's. ASP.NET Core's source is listened to so a request made under
/// the root continues its trace on the server side (traceparent header).
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private static readonly ActivitySource TestSource = new("DiagBot.Tests");
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is DiagnosisTelemetry.SourceName or EvidenceTelemetry.SourceName or "Microsoft.AspNetCore" or "DiagBot.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        Root = TestSource.StartActivity("test")!;
    }

    public Activity Root { get; }

    public IReadOnlyList<Activity> Spans(string source) =>
        _stopped.Where(span => span.TraceId == Root.TraceId && span.Source.Name == source).ToList();

    public void Dispose()
    {
        Root.Dispose();
        _listener.Dispose();
    }
}
