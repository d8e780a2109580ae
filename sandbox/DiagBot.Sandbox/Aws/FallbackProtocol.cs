using DiagBot.Sandbox.Aws.Protocols;

namespace DiagBot.Sandbox.Aws;

// When no known service signed the request, guess its protocol from its shape so the error is still one the client can parse.
internal static class FallbackProtocol
{
    private static readonly JsonProtocol _json = new("unknown", "unknown", new HashSet<string>());

    public static IAwsProtocol For(HttpRequest request) => _json;

    public static string UnknownOperationCode(IAwsProtocol protocol) => "UnknownOperationException";
}
