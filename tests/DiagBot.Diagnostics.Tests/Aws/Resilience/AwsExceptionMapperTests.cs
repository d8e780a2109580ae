using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Aws.Resilience;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Tests.Aws.Resilience;

public sealed class AwsExceptionMapperTests
{
    private static readonly AwsOperation DescribeSubnets = new(AwsService.Ec2, "DescribeSubnets", "ec2:DescribeSubnets");

    [Fact]
    public void ToGap_ConnectionRefused_IsUnreachable() =>
        Assert.Equal(GapReason.Unreachable, AwsExceptionMapper.ToGap(DescribeSubnets,
            new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused))).Reason);

    [Fact]
    public void ToGap_SdkServiceError_UsesItsCode() =>
        Assert.Equal(GapReason.AccessDenied, AwsExceptionMapper.ToGap(DescribeSubnets,
            new AmazonServiceException("not authorized", ErrorType.Sender, "UnauthorizedOperation", "1", HttpStatusCode.Forbidden)).Reason);

    [Fact]
    public void ToGap_NoCredentials_IsAccessDeniedSayingNotAttempted()
    {
        var gap = AwsExceptionMapper.ToGap(DescribeSubnets, new AmazonClientException("Failed to resolve AWS credentials.\nmore"));

        Assert.Equal(GapReason.AccessDenied, gap.Reason);
        Assert.Equal("ec2:DescribeSubnets not attempted: no usable AWS credentials (Failed to resolve AWS credentials.)", gap.Detail);
    }

    [Fact]
    public void ToGap_AnythingElse_IsServiceErrorNamingTheType() =>
        Assert.StartsWith("InvalidOperationException:", AwsExceptionMapper.ToGap(DescribeSubnets, new InvalidOperationException("odd")).Detail, StringComparison.Ordinal);
}
