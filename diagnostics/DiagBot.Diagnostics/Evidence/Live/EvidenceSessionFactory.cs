using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Configuration;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.Evidence.Live;

internal sealed class EvidenceSessionFactory(AwsClients aws, AwsLocations locations, AwsOptions options, TimeProvider time) : IEvidenceSessionFactory
{
    // The budget's timer is not disposed: it fires once and is collected with the session.
#pragma warning disable CA2000
    public IEvidenceSource StartSession() =>
        new EvidenceSession(new EvidenceScope(new DiagnosisBudget(options.DiagnosisBudget, time)), aws, locations);
#pragma warning restore CA2000
}
