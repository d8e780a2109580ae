using System.Net;
using System.Xml.Linq;
using DiagBot.Sandbox.Aws.Signing;

namespace DiagBot.Sandbox.Aws.Protocols;

/// <summary>awsQuery (ELBv2, STS): a form POST with Action and Version; answers &lt;{Op}Response&gt;&lt;{Op}Result&gt;, errors &lt;ErrorResponse&gt;.</summary>
internal sealed class QueryProtocol(string signingName, string version, XNamespace ns, IReadOnlySet<string> operations) : IAwsProtocol
{
    public AwsCall ReadCall(HttpRequest request, byte[] body, SandboxCredential credential, string requestId)
    {
        var form = FormRequest.Read(request, body);
        var action = QueryParameters.Get(form, "Action");
        if (string.IsNullOrEmpty(action))
        {
            throw new AwsException("MissingAction", "Missing Action");
        }

        if (!operations.Contains(action) || QueryParameters.Get(form, "Version") != version)
        {
            throw new AwsException("InvalidAction", $"Could not find operation {action} for version {QueryParameters.Get(form, "Version") ?? "NO_VERSION_SPECIFIED"}");
        }

        return new AwsCall(signingName, action, default, form, credential, requestId);
    }

    public Task WriteResultAsync(HttpResponse response, AwsCall call, object result)
    {
        response.Headers["x-amzn-RequestId"] = call.RequestId;
        var root = AwsXml.E(call.Operation + "Response",
            AwsXml.E(call.Operation + "Result", ((XmlResult)result).Members),
            AwsXml.E("ResponseMetadata", AwsXml.E("RequestId", call.RequestId)));
        return AwsXml.WriteAsync(response, StatusCodes.Status200OK, root, ns);
    }

    public Task WriteErrorAsync(HttpResponse response, AwsException error, string requestId)
    {
        response.Headers["x-amzn-RequestId"] = requestId;
        var root = AwsXml.E("ErrorResponse",
            AwsXml.E("Error", AwsXml.E("Type", error.SenderFault ? "Sender" : "Receiver"), AwsXml.E("Code", error.Code), AwsXml.E("Message", error.Message)),
            AwsXml.E("RequestId", requestId));
        return AwsXml.WriteAsync(response, (int)error.StatusCode, root, ns);
    }

    public AwsException AuthError(AuthFailure failure) => failure.Kind switch
    {
        AuthFailureKind.MissingAuthentication => new("MissingAuthenticationToken", "Request is missing Authentication Token", HttpStatusCode.Forbidden),
        AuthFailureKind.IncompleteSignature => new("IncompleteSignature", failure.Message, HttpStatusCode.Forbidden),
        AuthFailureKind.UnrecognizedClient => new("InvalidClientTokenId", failure.Message, HttpStatusCode.Forbidden),
        _ => new("SignatureDoesNotMatch", failure.Message, HttpStatusCode.Forbidden),
    };

    public AwsException ThrottlingError() => new("Throttling", "Rate exceeded");

    public AwsException ServerError() => new("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", HttpStatusCode.InternalServerError, senderFault: false);

    public AwsException AccessDeniedError(AwsCall call) =>
        new("AccessDenied", $"User: {call.Credential.PrincipalArn} is not authorized to perform: {call.Service}:{call.Operation}", HttpStatusCode.Forbidden);
}
