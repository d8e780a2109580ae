namespace DiagBot.Tests.Support;

/// <summary>A kubeconfig for the real kubectl: one context reaching a sandbox over plain http with a token it accepts.</summary>
public static class Kubeconfig
{
    /// <summary>Writes it to <paramref name="path"/>, its one context named <paramref name="context"/> and current; returns the path.</summary>
    public static async Task<string> WriteAsync(string path, Uri server, string context)
    {
        ArgumentNullException.ThrowIfNull(server);
        await File.WriteAllTextAsync(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: sandbox
              cluster:
                server: {server.ToString().TrimEnd('/')}
            users:
            - name: sandbox
              user:
                token: any-token-is-accepted
            contexts:
            - name: {context}
              context:
                cluster: sandbox
                user: sandbox
            current-context: {context}
            """).ConfigureAwait(false);
        return path;
    }
}
