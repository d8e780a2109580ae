namespace DiagBot.Diagnostics.Kubernetes.Configuration;

/// <summary>The <c>DiagBot:Kubernetes</c> section: the clusters diagnoses may read, by name.</summary>
internal sealed class KubernetesOptions
{
    public const string SectionName = "DiagBot:Kubernetes";

    public List<KubernetesClusterOptions> Clusters { get; set; } = [];
}

/// <summary>
/// One cluster, reached one of three ways: InCluster (the bot's own service account); Server (+ CA), or for EKS just
/// Eks (endpoint and CA then come from eks:DescribeCluster), with an EKS token made in-process; or a kubeconfig and context.
/// </summary>
internal sealed class KubernetesClusterOptions
{
    public string? Name { get; set; }

    public bool InCluster { get; set; }

    public string? Server { get; set; }

    /// <summary>The cluster CA, base64 PEM as in kubeconfig's certificate-authority-data.</summary>
    public string? CertificateAuthorityData { get; set; }

    public bool SkipTlsVerify { get; set; }

    /// <summary>A kubeconfig path; unset means KUBECONFIG or ~/.kube/config.</summary>
    public string? Kubeconfig { get; set; }

    public string? Context { get; set; }

    public KubernetesEksOptions? Eks { get; set; }

    /// <summary>Namespaces whose Warning events feed the incident channel; "*" watches them all. Empty: none watched.</summary>
    public List<string> WatchNamespaces { get; set; } = [];
}

/// <summary>An EKS cluster whose bearer token is a presigned STS GetCallerIdentity, as `aws eks get-token` makes.</summary>
internal sealed class KubernetesEksOptions
{
    public string? ClusterName { get; set; }

    public string? Region { get; set; }

    /// <summary>The account whose credentials (base or its configured role) sign the token.</summary>
    public string? AccountId { get; set; }
}
