using System.Net;

namespace DiagBot.Sandbox.Aws.Protocols;

/// <summary>An error answered in the calling protocol's own shape: Code is AWS's error code, StatusCode its HTTP status.</summary>
internal sealed class AwsException(string code, string message, HttpStatusCode statusCode = HttpStatusCode.BadRequest, bool senderFault = true)
    : Exception(message)
{
    public string Code { get; } = code;

    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>Query errors say whether the caller ("Sender") or AWS ("Receiver") is at fault.</summary>
    public bool SenderFault { get; } = senderFault;
}
