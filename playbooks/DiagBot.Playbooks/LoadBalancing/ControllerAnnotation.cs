using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// Where a setting of a group the AWS Load Balancer Controller made is changed: an annotation on the Ingress or the Service
/// its binding's stack labels name (alb.ingress.kubernetes.io/&lt;key&gt; on an Ingress, service.beta.kubernetes.io/aws-load-balancer-&lt;key&gt;
/// on a LoadBalancer Service: the controller's guide/ingress/annotations.md and guide/service/annotations.md).
/// </summary>
internal static class ControllerAnnotation
{
    /// <summary>"set `annotation: value` on Ingress ns/name", in words that follow a colon.</summary>
    public static string Set(KubeTargetGroupBinding binding, string key, string? value = null)
    {
        var set = value is null ? string.Empty : $": {value}";
        var ingress = $"alb.ingress.kubernetes.io/{key}{set}";
        var service = $"service.beta.kubernetes.io/aws-load-balancer-{key}{set}";
        return ControllerStack.FromLabels(binding.Labels) switch
        {
            { Kind: ControllerStackKind.Ingress } stack => $"set `{ingress}` on {stack} (behind TargetGroupBinding {binding.Name})",
            { Kind: ControllerStackKind.IngressGroup } stack => $"set `{ingress}` on the Ingress of {stack} whose backend is Service {binding.ServiceName}",
            { Kind: ControllerStackKind.Service } stack => $"set `{service}` on {stack}",
            _ => $"set `{ingress}` on the Ingress (a LoadBalancer Service: {service}) behind TargetGroupBinding {binding.Name}",
        };
    }
}
