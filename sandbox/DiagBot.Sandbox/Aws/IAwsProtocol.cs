using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.Aws.Signing;

namespace DiagBot.Sandbox.Aws;

/// <summary>How one wire protocol (JSON 1.1, Query, EC2 Query) names the operation, and shapes answers and errors.</summary>
internal interface IAwsProtocol
{
    // Returns the operation and its parameters, or throws the protocol's error for an unknown or malformed one.
    AwsCall ReadCall(HttpRequest request, byte[] body, SandboxCredential credential, string requestId);

    Task WriteResultAsync(HttpResponse response, AwsCall call, object result);

    Task WriteErrorAsync(HttpResponse response, AwsException error, string requestId);

    AwsException AuthError(AuthFailure failure);

    AwsException ThrottlingError();

    AwsException ServerError();

    AwsException AccessDeniedError(AwsCall call);
}
