using DiagBot.Diagnostics.Aws.Resilience;
using DiagBot.Diagnostics.Network.Live;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>The protocol clients every session's service clients are built on; one set per process.</summary>
internal sealed record AwsClients(AwsJsonClient Json, AwsQueryClient Query, Ec2ClientFactory Ec2, AwsCallGuard Guard);
