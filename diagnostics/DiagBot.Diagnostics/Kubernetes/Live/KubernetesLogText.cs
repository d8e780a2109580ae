using System.Text;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>
/// The pod log endpoint answers plain text, one line per write. Only the last lines are kept, whatever the server
/// sends, so a server that ignores tailLines cannot flood a diagnosis.
/// </summary>
internal static class KubernetesLogText
{
    public static async Task<IReadOnlyList<string>> ReadLinesAsync(Stream stream, int tailLines, CancellationToken cancellationToken)
    {
        var kept = new Queue<string>();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            kept.Enqueue(line);
            if (kept.Count > tailLines)
            {
                kept.Dequeue();
            }
        }

        return [.. kept];
    }
}
