using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// What kubectl said when exec failed, from the engineer's words. The messages come from the API server
/// ("pods \"x\" is forbidden: ... cannot create resource \"pods/exec\"", "error dialing backend: dial tcp
/// 10.0.1.5:10250: i/o timeout"), the kubelet ("unable to upgrade connection: container not found (\"app\")") and the
/// container runtime ("OCI runtime exec failed: ... exec: \"bash\": executable file not found in $PATH").
/// </summary>
internal sealed partial record KubectlExecError(KubectlExecErrorKind Kind, string? Container)
{
    public static KubectlExecError Read(string? words)
    {
        var text = words ?? string.Empty;
        var container = NamedContainer().Match(text) is { Success: true } named ? named.Groups["name"].Value : null;
        var kind = text switch
        {
            _ when KubeletDenied().IsMatch(text) => KubectlExecErrorKind.KubeletDenied,
            _ when Forbidden().IsMatch(text) => KubectlExecErrorKind.Forbidden,
            _ when KubeletUnreachable().IsMatch(text) => KubectlExecErrorKind.KubeletUnreachable,
            _ when NoExecutable().IsMatch(text) => KubectlExecErrorKind.NoExecutable,
            _ when ContainerNotRunning().IsMatch(text) => KubectlExecErrorKind.ContainerNotRunning,
            _ => KubectlExecErrorKind.Unknown,
        };
        return new KubectlExecError(kind, container) { KubeletClient = KubeletDenied().Match(text) is { Success: true } m ? m.Groups["user"].Value : null };
    }

    /// <summary>For <see cref="KubectlExecErrorKind.KubeletDenied"/>: the API server's client identity the kubelet refused.</summary>
    public string? KubeletClient { get; init; }

    // The kubelet (not the API server) refused the API server's own client: "unable to upgrade connection: Forbidden
    // (user=kube-apiserver-kubelet-client, verb=create, resource=nodes, subresource=proxy)", or "Authorization error (user=...".
    [GeneratedRegex(@"(forbidden|authorization error) \(user=(?<user>[^,)]+), verb=\w+, resource=nodes, subresource=proxy\)", RegexOptions.IgnoreCase)]
    private static partial Regex KubeletDenied();

    [GeneratedRegex(@"forbidden|cannot create resource ""?pods/exec|\bunauthorized\b", RegexOptions.IgnoreCase)]
    private static partial Regex Forbidden();

    [GeneratedRegex(@"error dialing backend|:10250\b|dial tcp [\d.:]+: (i/o timeout|connect: connection refused|connect: no route to host)|proxy error from", RegexOptions.IgnoreCase)]
    private static partial Regex KubeletUnreachable();

    [GeneratedRegex(@"executable file not found|oci runtime exec failed|exec failed: unable to start container process|no such file or directory: unknown", RegexOptions.IgnoreCase)]
    private static partial Regex NoExecutable();

    [GeneratedRegex(@"container not found|is not valid for pod|container .{0,60}is not running|cannot exec into a container in a completed pod|does not have a host assigned|pod does not exist", RegexOptions.IgnoreCase)]
    private static partial Regex ContainerNotRunning();

    // container not found ("app"), container app is not valid for pod x, kubectl exec ... -c app
    [GeneratedRegex(@"container not found \(""(?<name>[^""]+)""\)|container (?<name>[a-z0-9][-a-z0-9]*) is not valid|(^|\s)(-c|--container)[ =](?<name>[a-z0-9][-a-z0-9]*)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedContainer();
}

internal enum KubectlExecErrorKind
{
    Unknown,
    Forbidden,
    KubeletDenied,
    KubeletUnreachable,
    NoExecutable,
    ContainerNotRunning,
}
