using System.Reflection;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Eks;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.Logs;
using DiagBot.Diagnostics.Metrics;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>
/// A session on a cluster without the VPC resource controller's CRD: listing SecurityGroupPolicies answers what the API server
/// answers for a resource it does not serve, 404 NotFound "the server could not find the requested resource" (as kubectl prints
/// it, "Error from server (NotFound)"), mapped as the live client maps a Status; every other read goes to the session.
/// </summary>
internal sealed class WithoutSecurityGroupPolicies(IEvidenceSource inner) : IEvidenceSource
{
    public IEcsEvidence Ecs => inner.Ecs;

    public ILoadBalancingEvidence LoadBalancing => inner.LoadBalancing;

    public ILogsEvidence Logs => inner.Logs;

    public IAuditTrailEvidence AuditTrail => inner.AuditTrail;

    public INetworkEvidence Network => inner.Network;

    public IKubernetesEvidence Kubernetes { get; } = Crdless.Wrap(inner.Kubernetes);

    public IEksEvidence Eks => inner.Eks;

    public IMetricsEvidence Metrics => inner.Metrics;

    public IReadOnlyList<AwsScope> Scopes => inner.Scopes;

    /// <summary>Forwards every Kubernetes read but the SecurityGroupPolicy list.</summary>
    public class Crdless : DispatchProxy
    {
        private IKubernetesEvidence _inner = null!;

        public static IKubernetesEvidence Wrap(IKubernetesEvidence inner)
        {
            var proxy = Create<IKubernetesEvidence, Crdless>();
            ((Crdless)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IKubernetesEvidence.ListSecurityGroupPoliciesAsync)
                ? Task.FromResult(EvidenceResult<IReadOnlyList<KubeSecurityGroupPolicy>>.Missing(new EvidenceGap("kubernetes", "list securitygrouppolicies",
                    GapReason.NotFound, "NotFound: the server could not find the requested resource")))
                : targetMethod!.Invoke(_inner, args);
    }
}
