using System.Diagnostics;
using System.Diagnostics.Metrics;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Telemetry;

/// <summary>
/// A span and two instruments per evidence call, through System.Diagnostics only: the host decides whether and
/// where they are exported. Tags carry the service, operation, outcome, account and region, never request
/// content or error details, which may quote resource policies or principals.
/// </summary>
public static class EvidenceTelemetry
{
    public const string SourceName = "DiagBot.Diagnostics";
    public const string CallDurationName = "diagbot.evidence.call.duration";
    public const string CallErrorsName = "diagbot.evidence.call.errors";

    /// <summary>Attribute names from the OpenTelemetry semantic conventions where one fits (rpc.*, cloud.*, k8s.*, error.type).</summary>
    public const string ServiceTag = "rpc.service";
    public const string OperationTag = "rpc.method";
    public const string OutcomeTag = "diagbot.evidence.outcome";
    public const string ErrorTypeTag = "error.type";
    public const string RegionTag = "cloud.region";
    public const string AccountTag = "cloud.account.id";
    public const string ClusterTag = "k8s.cluster.name";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(
        CallDurationName, "s", "Duration of one evidence call, retries included", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        });

    private static readonly Counter<long> CallErrors = Meter.CreateCounter<long>(CallErrorsName, "{call}", "Evidence calls that ended in a gap other than not found");

    internal static Activity? StartCall(AwsService service, string operation, AwsTarget target)
    {
        var span = Source.StartActivity($"{service.Key} {operation}", ActivityKind.Client);
        if (span is null)
        {
            return null;
        }

        span.SetTag(ServiceTag, service.Key);
        span.SetTag(OperationTag, operation);
        if (service == AwsService.Kubernetes)
        {
            // Kubernetes calls go through the same guard with the cluster in the region's place.
            span.SetTag(ClusterTag, target.Region);
        }
        else
        {
            span.SetTag("rpc.system", "aws-api");
            span.SetTag(RegionTag, target.Region);
            span.SetTag(AccountTag, target.AccountId);
        }

        return span;
    }

    internal static void EndCall(Activity? span, AwsService service, string operation, IEvidenceOutcome outcome, TimeSpan elapsed)
    {
        var result = Outcome(outcome);
        var tags = new TagList { { ServiceTag, service.Key }, { OperationTag, operation }, { OutcomeTag, result } };
        CallDuration.Record(elapsed.TotalSeconds, tags);
        if (outcome.Gap is { Reason: not GapReason.NotFound } gap)
        {
            CallErrors.Add(1, new TagList { { ServiceTag, service.Key }, { OperationTag, operation }, { ErrorTypeTag, gap.Reason.ToWire() } });
            span?.SetTag(ErrorTypeTag, gap.Reason.ToWire());
            span?.SetStatus(ActivityStatusCode.Error, gap.Reason.ToWire());
        }

        span?.SetTag(OutcomeTag, result);
    }

    /// <summary>found, not_found, or the gap's reason (access_denied, throttled, ...).</summary>
    private static string Outcome(IEvidenceOutcome outcome) => outcome.Gap is { } gap ? gap.Reason.ToWire() : "found";
}
