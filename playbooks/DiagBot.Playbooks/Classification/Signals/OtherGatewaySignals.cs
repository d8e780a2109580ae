using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.Classification.Signals;

/// <summary>
/// "none": a 502, 503 or 504 answered by a gateway that is not the Application Load Balancer in front of an ECS service or an
/// EKS ingress: Azure's Application Gateway, an nginx ingress, API Gateway in front of a Lambda, an Istio or Linkerd proxy.
/// Playbooks 5 and 13 read the ALB's own answer; these name whose answer it was (sweep, issue 19).
/// </summary>
internal static class OtherGatewaySignals
{
    // Another gateway only counts when the ALB or ELB is not named beside it: "http 504 response from AWS ELB when using
    // ingress-nginx-controller", "No healthy upstream" on an ALB's 503 page, an API gateway task failing the target group's checks
    // (hashicorp/terraform-aws-consul-ecs#323) are still the load balancer's.
    private const string NoAlbNamed = @"^(?![\s\S]{0,1000}\b(alb|elb|application load balancer|target ?groups?)\b)[\s\S]{0,1000}";

    // Azure's gateway, by its names: Azure/application-gateway-kubernetes-ingress#770 and #653 (AGIC), Azure/osdu-infrastructure#209
    // ("App Gateway timeout defaults to 30s"), MicrosoftDocs/azure-docs#56448, #97251, #109140 and PR 110861 ("Azure application
    // Gateway V2 SKU sent HTTP 504 errors", "application gateways using V2 SKU"). AWS has no "application gateway".
    private static readonly Phrase[] AzureGateway =
    [
        Phrase.Of("Azure's Application Gateway", NoAlbNamed + @"(\bapp(lication)? gateways?\b|\bappgw\b|\bagic\b|\bazure front door\b)"),
    ];

    // nginx in front of pods, its own words: kubernetes/ingress-nginx#9063, #9443 ("upstream timed out (110: Operation timed out)
    // while reading response header from upstream"), #4899 ("nginx ingress controller"), #5585 ("when I use ingress"), #10852
    // ("the other ingress is throwing 504"), linkerd/linkerd2#6352 ("the Ingress-nginx gets a 503"). nginx-proxy behind an ALB
    // (nginx-proxy/nginx-proxy#777, a target that fails the ALB's checks) is not this wording.
    private static readonly Phrase[] NginxIngress =
    [
        Phrase.Of("nginx's upstream time-out", NoAlbNamed + @"(\bupstream timed out \(110: (operation|connection) timed out\))"),
        Phrase.Of("an nginx ingress named", NoAlbNamed + @"(\bingress[- ]nginx\b|\bnginx[- ]ingress\b|\b(when i use|the other|one) ingress\b)"),
    ];

    // API Gateway's 29-second integration limit in front of a Lambda: CodeGenieApp/serverless-express#111 and ks888/LambStatus#36
    // ("Endpoint request timed out"), DataBiosphere/azul#6284 ("according to the matching API Gateway execution logs"),
    // ustaxcourt/ef-cms#2970 ("API Gateway kills the request"), fastify/help#657 ("invoking an AWS Lambda ... HTTP 504").
    private static readonly Phrase[] ApiGateway =
    [
        Phrase.Of("API Gateway's integration time-out", NoAlbNamed + @"(\bendpoint request timed out\b|\bapi ?gateway\b|\bapigetway\b)"),
        Phrase.Of("a Lambda invocation's 504", NoAlbNamed + @"(\b(invoking|invoke|invocation of) (an? )?(aws )?lambda\b)"),
    ];

    // A service mesh's proxy, by name or by its own flags: istio/istio#29118, #29109 ("Sidecar returns 503 UH"), #7965 and #50026
    // ("no healthy upstream"), envoyproxy/envoy#33000 ("from istio gateway"), istio/istio#22241 ("503UF"), linkerd/linkerd2#5599,
    // #12720 ("Failed to proxy request: HTTP Logical service in fail-fast", "entering failfast"), #11055, #11493. Consul's Envoy
    // answering the ALB's check ("Health checks failed with these codes: [503]", hashicorp/terraform-aws-consul-ecs#323) names none.
    private static readonly Phrase[] MeshProxy =
    [
        // A mesh named counts beside its 503 or 504 only: an Istio install whose CoreDNS pod is Pending is still playbook 9.
        Phrase.Of("a mesh proxy named beside its 5xx", NoAlbNamed
            + @"(\b(istio(-proxy)?|linkerd\d?|envoy)\b.{0,200}\b50[34]|\b50[34]\b.{0,200}\b(istio|linkerd|envoy))"),
        Phrase.Of("a mesh proxy's own words", NoAlbNamed + @"(\bno healthy upstreams?\b|\b503 ?u[hf]\b|\bfail-?fast\b|\bupstream request timeout\b)"),
    ];

    // A CDN in front of the origin, by name: the knowledge center's "My Amazon CloudFront distribution is returning an HTTP 504
    // (Gateway Timeout) error" (resolve-http-504-errors-cloudfront), "CloudFront returning 504 Gateway Timeout from origin"
    // (batch 22). CloudFront's own 5xx with no load balancer named is CloudFront's, whatever its origin is.
    private static readonly Phrase[] Cdn =
    [
        Phrase.Of("CloudFront named", NoAlbNamed + @"(\bcloudfront\b)"),
    ];

    // The gateway's or proxy's own name or wording says whose 5xx it is (weight: named by its own words); the ALB's 503 and 504
    // readings inside it mean nothing more. Below a real failure's own reason (0.85 and up), so an ALB named beside it still wins.
    private static readonly SignalRule NotTheAlb = SignalRule.AnyOf(null, 0.82,
        "a gateway other than the ALB answered (Azure Application Gateway, an nginx ingress, API Gateway, a service mesh proxy, CloudFront)",
        [.. AzureGateway, .. NginxIngress, .. ApiGateway, .. MeshProxy, .. Cdn]) with
    {
        ExplainsAway = new HashSet<int> { Alb503NoTargets.Number, Alb504Timeout.Number },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } = [NotTheAlb];
}
