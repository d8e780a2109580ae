using System.Net;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Tests.Aws.Http;

public sealed class AwsErrorMapperTests
{
    private static readonly AwsOperation DescribeTasks = new(AwsService.Ecs, "DescribeTasks", "ecs:DescribeTasks");

    [Theory]
    [InlineData(400, "AccessDeniedException", GapReason.AccessDenied)]
    [InlineData(400, "com.amazonaws.ecs#AccessDeniedException", GapReason.AccessDenied)]
    [InlineData(403, "AccessDenied", GapReason.AccessDenied)]
    [InlineData(400, "UnrecognizedClientException", GapReason.AccessDenied)]
    [InlineData(403, "InvalidSignatureException", GapReason.AccessDenied)]
    [InlineData(403, "SignatureDoesNotMatch", GapReason.AccessDenied)]
    [InlineData(400, "ExpiredTokenException", GapReason.AccessDenied)]
    [InlineData(400, "ThrottlingException", GapReason.Throttled)]
    [InlineData(400, "Throttling", GapReason.Throttled)]
    [InlineData(503, "RequestLimitExceeded", GapReason.Throttled)]
    [InlineData(429, "", GapReason.Throttled)]
    [InlineData(500, "ServerException", GapReason.ServiceError)]
    [InlineData(503, "", GapReason.ServiceError)]
    [InlineData(400, "ClusterNotFoundException", GapReason.NotFound)]
    [InlineData(400, "ResourceNotFoundException:http://internal.amazon.com/coral/", GapReason.NotFound)]
    [InlineData(400, "InvalidParameterException", GapReason.InvalidRequest)]
    [InlineData(400, "ClientException", GapReason.InvalidRequest)]
    public void ToGap_AwsErrorCode_MapsToReason(int status, string code, GapReason expected)
    {
        var gap = AwsErrorMapper.ToGap(DescribeTasks, (HttpStatusCode)status, code, "some message");

        Assert.Equal(expected, gap.Reason);
        Assert.Equal("ecs", gap.Source);
        Assert.Equal("DescribeTasks", gap.Operation);
    }

    [Fact]
    public void ToGap_AccessDenied_NamesTheIamAction()
    {
        var gap = AwsErrorMapper.ToGap(DescribeTasks, HttpStatusCode.BadRequest, "AccessDeniedException", "User: arn:aws:iam::1:user/bot is not authorized");

        Assert.StartsWith("ecs:DescribeTasks denied", gap.Detail, StringComparison.Ordinal);
        Assert.Contains("not authorized", gap.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("com.amazonaws.ecs#ClusterNotFoundException", "ClusterNotFoundException")]
    [InlineData("ClusterNotFoundException:http://internal.amazon.com/", "ClusterNotFoundException")]
    [InlineData(null, "")]
    public void NormalizeCode_NamespacedOrSuffixedCode_IsBareName(string? raw, string expected) =>
        Assert.Equal(expected, AwsErrorMapper.NormalizeCode(raw));
}
