using System.Net;
using System.Xml.Linq;
using DiagBot.Sandbox.Aws.Signing;

namespace DiagBot.Sandbox.Aws.Protocols;

/// <summary>ec2Query: a form POST like Query, but answers &lt;{Op}Response&gt;&lt;requestId/&gt;members... and errors &lt;Response&gt;&lt;Errors&gt;.</summary>
internal sealed class Ec2QueryProtocol(string signingName, string version, IReadOnlySet<string> operations) : IAwsProtocol
{
    private static readonly XNamespace _ns = $"http://ec2.amazonaws.com/doc/2016-11-15/";

    public AwsCall ReadCall(HttpRequest request, byte[] body, SandboxCredential credential, string requestId)
    {
        var form = FormRequest.Read(request, body);
        var action = QueryParameters.Get(form, "Action");
        if (string.IsNullOrEmpty(action))
        {
            throw new AwsException("MissingAction", "The request must contain the parameter Action");
        }

        if (!operations.Contains(action))
        {
            throw new AwsException("InvalidAction", $"The action {action} is not valid for this web service.");
        }

        if (QueryParameters.Get(form, "Version") != version)
        {
            throw new AwsException("InvalidParameterValue", $"Invalid API version: {QueryParameters.Get(form, "Version")}. Expected {version}.");
        }

        return new AwsCall(signingName, action, default, form, credential, requestId);
    }

    public Task WriteResultAsync(HttpResponse response, AwsCall call, object result)
    {
        var root = AwsXml.E(call.Operation + "Response", AwsXml.E("requestId", call.RequestId), ((XmlResult)result).Members);
        return AwsXml.WriteAsync(response, StatusCodes.Status200OK, root, _ns);
    }

    public Task WriteErrorAsync(HttpResponse response, AwsException error, string requestId)
    {
        var root = AwsXml.E("Response",
            AwsXml.E("Errors", AwsXml.E("Error", AwsXml.E("Code", error.Code), AwsXml.E("Message", error.Message))),
            AwsXml.E("RequestID", requestId));
        return AwsXml.WriteAsync(response, (int)error.StatusCode, root, null);
    }

    public AwsException AuthError(AuthFailure failure) => failure.Kind switch
    {
        AuthFailureKind.MissingAuthentication => new("MissingAuthenticationToken", "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.", HttpStatusCode.Unauthorized),
        AuthFailureKind.UnrecognizedClient => new("AuthFailure", "AWS was not able to validate the provided access credentials", HttpStatusCode.Unauthorized),
        AuthFailureKind.SignatureExpired => new("RequestExpired", "Request has expired.", HttpStatusCode.BadRequest),
        AuthFailureKind.IncompleteSignature => new("IncompleteSignature", failure.Message, HttpStatusCode.BadRequest),
        _ => new("SignatureDoesNotMatch", failure.Message, HttpStatusCode.Forbidden),
    };

    /// <summary>EC2 answers throttling with RequestLimitExceeded on 503, unlike the other Query services.</summary>
    public AwsException ThrottlingError() => new("RequestLimitExceeded", "Request limit exceeded.", HttpStatusCode.ServiceUnavailable);

    public AwsException ServerError() => new("InternalError", "An internal error has occurred", HttpStatusCode.InternalServerError, senderFault: false);

    public AwsException AccessDeniedError(AwsCall call) =>
        new("UnauthorizedOperation", "You are not authorized to perform this operation.", HttpStatusCode.Forbidden);
}
