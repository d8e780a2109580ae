using DiagBot.Sandbox.Aws.Protocols;

namespace DiagBot.Sandbox.Aws;

/// <summary>When no known service signed the request, guess its protocol from its shape so the error is still one the client can parse.</summary>
internal static class FallbackProtocol
{
    private static readonly JsonProtocol _json = new("unknown", [], new HashSet<string>());
    private static readonly QueryProtocol _query = new("unknown", "unknown", "https://sandbox.diagbot.invalid/", new HashSet<string>());

    public static IAwsProtocol For(HttpRequest request) => request.Headers.ContainsKey("X-Amz-Target") ? _json : _query;

    public static string UnknownOperationCode(IAwsProtocol protocol) => protocol == _json ? "UnknownOperationException" : "InvalidAction";
}
