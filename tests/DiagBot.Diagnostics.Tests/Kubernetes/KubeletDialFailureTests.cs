using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Diagnostics.Tests.Kubernetes;

/// <summary>The API server's answer when it cannot dial a kubelet, as kubectl users quote it in public issues.</summary>
public sealed class KubeletDialFailureTests
{
    [Theory]
    [InlineData("Get \"https://10.0.37.234:10250/containerLogs/default/nginx/nginx\": dial tcp 10.0.37.234:10250: i/o timeout", "10.0.37.234", "i/o timeout")]
    [InlineData("error dialing backend: dial tcp 10.240.0.22:10250: i/o timeout", "10.240.0.22", "i/o timeout")]
    [InlineData("Get https://192.168.1.14:10250/containerLogs/default/nginx-6bcd55cfd6-5n5rf/nginx: dial tcp 192.168.1.14:10250: getsockopt: no route to host", "192.168.1.14", "no route to host")]
    [InlineData("error dialing backend: dial tcp 10.0.1.5:10250: connect: connection refused", "10.0.1.5", "connection refused")]
    public void Parse_ApiServerDialErrors_NameTheNodeAddressAndTheFailure(string message, string address, string error)
    {
        var failure = KubeletDialFailure.Parse(message)!;

        Assert.Equal((address, KubeletDialFailure.KubeletPort, error), (failure.Address, failure.Port, failure.Error));
    }

    [Theory]
    [InlineData("container \"web\" in pod \"web-1\" is waiting to start: ContainerCreating")]
    [InlineData("pods \"web-1\" not found")]
    [InlineData(null)]
    public void Parse_OtherLogErrors_AreNotAKubeletDialFailure(string? message) => Assert.Null(KubeletDialFailure.Parse(message));

    [Fact]
    public void From_GapDetail_ReadsTheDial()
    {
        var gap = new EvidenceGap("kubernetes", "get pods/log", GapReason.Unreachable, "HTTP 500: error dialing backend: dial tcp 10.0.44.87:10250: i/o timeout");

        Assert.Equal("10.0.44.87", KubeletDialFailure.From(gap)!.Address);
    }
}
