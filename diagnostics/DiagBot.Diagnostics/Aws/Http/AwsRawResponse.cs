using System.Net;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>An HTTP answer from AWS, success or error; the protocol client reads it.</summary>
internal sealed record AwsRawResponse(HttpStatusCode Status, byte[] Body, string? ErrorTypeHeader)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
