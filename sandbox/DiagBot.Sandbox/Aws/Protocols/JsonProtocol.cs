using System.Net;
using System.Text.Json;
using DiagBot.Sandbox.Aws.Signing;

namespace DiagBot.Sandbox.Aws.Protocols;

/// <summary>
/// awsJson1_1: POST / with X-Amz-Target "&lt;prefix&gt;.&lt;Operation&gt;", a JSON body, errors as {"__type","message"}.
/// Some services answer to more than one target prefix (CloudTrail: the long Smithy namespace and the short service name).
/// </summary>
internal sealed class JsonProtocol(string signingName, IReadOnlyList<string> targetPrefixes, IReadOnlySet<string> operations, JsonSerializerOptions? serializerOptions = null) : IAwsProtocol
{
    private static readonly Dictionary<string, string> _noForm = [];

    public AwsCall ReadCall(HttpRequest request, byte[] body, SandboxCredential credential, string requestId)
    {
        string target = request.Headers["X-Amz-Target"].ToString();
        var dot = target.LastIndexOf('.');
        var operation = dot < 0 ? string.Empty : target[(dot + 1)..];
        if (dot < 0 || !targetPrefixes.Contains(target[..dot]) || !operations.Contains(operation))
        {
            throw new AwsException("UnknownOperationException", string.Empty);
        }

        // The JSON protocol is chosen by content type; a request sent as anything else is not an operation of this service.
        if (request.ContentType?.Split(';')[0].Trim() is not (AwsJson.ContentType or "application/x-amz-json-1.0"))
        {
            throw new AwsException("UnknownOperationException", string.Empty);
        }

        JsonElement json;
        try
        {
            json = body.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            throw new AwsException("SerializationException", "Start of structure or map found where not expected.");
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new AwsException("SerializationException", "Start of structure or map found where not expected.");
        }

        return new AwsCall(signingName, operation, json, _noForm, credential, requestId);
    }

    public Task WriteResultAsync(HttpResponse response, AwsCall call, object result) => AwsJson.WriteAsync(response, result, call.RequestId, serializerOptions);

    public Task WriteErrorAsync(HttpResponse response, AwsException error, string requestId) => AwsJson.WriteErrorAsync(response, error, requestId);

    public AwsException AuthError(AuthFailure failure) => failure.Kind switch
    {
        AuthFailureKind.MissingAuthentication => new("MissingAuthenticationTokenException", failure.Message, HttpStatusCode.Forbidden),
        AuthFailureKind.IncompleteSignature => new("IncompleteSignatureException", failure.Message, HttpStatusCode.Forbidden),
        AuthFailureKind.UnrecognizedClient => new("UnrecognizedClientException", failure.Message, HttpStatusCode.Forbidden),
        _ => new("InvalidSignatureException", failure.Message, HttpStatusCode.Forbidden),
    };

    public AwsException ThrottlingError() => new("ThrottlingException", "Rate exceeded");

    public AwsException ServerError() =>
        new("ServerException", "Service Unavailable. Please try again later.", HttpStatusCode.InternalServerError, senderFault: false);

    public AwsException AccessDeniedError(AwsCall call) =>
        new("AccessDeniedException",
            $"User: {call.Credential.PrincipalArn} is not authorized to perform: {call.Service}:{call.Operation} because no identity-based policy allows the {call.Service}:{call.Operation} action");
}
