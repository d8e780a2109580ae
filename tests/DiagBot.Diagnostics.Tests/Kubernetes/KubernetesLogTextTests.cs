using System.Text;
using DiagBot.Diagnostics.Kubernetes.Live;

namespace DiagBot.Diagnostics.Tests.Kubernetes;

public sealed class KubernetesLogTextTests
{
    [Fact]
    public async Task ReadLines_ServerSendsMoreThanAsked_KeepsOnlyTheLastLines()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 500).Select(i => $"line {i}\n"))));

        var lines = await KubernetesLogText.ReadLinesAsync(stream, 3, CancellationToken.None);

        Assert.Equal(["line 498", "line 499", "line 500"], lines);
    }

    [Fact]
    public async Task ReadLines_LastLineWithoutNewlineAndCrLf_AreLinesToo()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("starting\r\npanic: config missing"));

        var lines = await KubernetesLogText.ReadLinesAsync(stream, 20, CancellationToken.None);

        Assert.Equal(["starting", "panic: config missing"], lines);
    }
}
