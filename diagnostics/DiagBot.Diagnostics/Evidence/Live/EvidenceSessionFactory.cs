using DiagBot.Diagnostics.Aws.Configuration;

namespace DiagBot.Diagnostics.Evidence.Live;

internal sealed class EvidenceSessionFactory(LiveClients live, AwsOptions options, InFlightReads shared, TimeProvider time) : IEvidenceSessionFactory
{
    // The budget's timer is not disposed: it fires once and is collected with the session.
#pragma warning disable CA2000
    public IEvidenceSource StartSession() => new EvidenceSession(
        new EvidenceScope(new DiagnosisBudget(options.DiagnosisBudget, time), options.ShareConcurrentReads ? shared : null), live);
#pragma warning restore CA2000
}
