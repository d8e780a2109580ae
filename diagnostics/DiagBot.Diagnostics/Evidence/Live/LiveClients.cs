using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Aws.Resilience;
using DiagBot.Diagnostics.Kubernetes.Live;
using DiagBot.Diagnostics.Network.Live;

namespace DiagBot.Diagnostics.Evidence.Live;

/// <summary>The process-wide clients every session's evidence clients are built on.</summary>
internal sealed record LiveClients(
    AwsJsonClient Json,
    AwsQueryClient Query,
    AwsRestJsonClient RestJson,
    Ec2ClientFactory Ec2,
    KubernetesClientFactory Kubernetes,
    AwsCallGuard Guard,
    AwsLocations Locations);
