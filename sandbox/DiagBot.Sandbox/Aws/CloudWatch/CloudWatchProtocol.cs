using System.Net;
using System.Text.Json;
using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.Aws.Signing;

namespace DiagBot.Sandbox.Aws.CloudWatch;

/// <summary>
/// CloudWatch answers in the protocol it was asked in: Smithy RPC v2 CBOR (POST /service/&lt;prefix&gt;/operation/&lt;Op&gt;, what
/// the AWS CLI speaks first) or awsJson1_0 (POST / with X-Amz-Target, the JavaScript SDK's default). Its model is
/// awsQueryCompatible, so each error also names its Query code in x-amzn-query-error ("InvalidParameterValue;Sender").
/// </summary>
internal sealed class CloudWatchProtocol(IReadOnlySet<string> operations) : IAwsProtocol
{
    public const string TargetPrefix = "GraniteServiceVersion20100801";
    public const string JsonContentType = "application/x-amz-json-1.0";
    public const string CborContentType = "application/cbor";
    public const string CborPathPrefix = "/service/" + TargetPrefix + "/operation/";
    private const string SmithyProtocolHeader = "smithy-protocol";
    private const string RpcV2Cbor = "rpc-v2-cbor";
    private const string ShapeNamespace = "com.amazonaws.cloudwatch#";

    private static readonly Dictionary<string, string> _noForm = [];

    // The Query code each error shape of the 2010-08-01 model carries, and the shape's own name.
    private static readonly Dictionary<string, string> _shapeOfCode = new(StringComparer.Ordinal)
    {
        ["InvalidParameterValue"] = "InvalidParameterValueException",
        ["MissingParameter"] = "MissingRequiredParameterException",
        ["InvalidParameterCombination"] = "InvalidParameterCombinationException",
        ["InvalidNextToken"] = "InvalidNextToken",
        ["InternalServiceError"] = "InternalServiceFault",
    };

    public static bool IsCbor(HttpRequest request) => request.Path.StartsWithSegments("/service", StringComparison.Ordinal);

    public AwsCall ReadCall(HttpRequest request, byte[] body, SandboxCredential credential, string requestId)
    {
        var cbor = IsCbor(request);
        var operation = cbor ? OperationFromPath(request) : OperationFromTarget(request);
        var contentType = request.ContentType?.Split(';')[0].Trim();
        if (cbor && (contentType != CborContentType || request.Headers[SmithyProtocolHeader] != RpcV2Cbor))
        {
            throw new AwsException("UnknownOperationException", $"Smithy RPC v2 requests carry Content-Type {CborContentType} and {SmithyProtocolHeader}: {RpcV2Cbor}.");
        }

        if (!cbor && contentType != JsonContentType)
        {
            throw new AwsException("UnknownOperationException", string.Empty);
        }

        try
        {
            var json = cbor ? CborBody.ReadAsJson(body) : body.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(body).RootElement;
            return json.ValueKind == JsonValueKind.Object
                ? new AwsCall("cloudwatch", operation, json, _noForm, credential, requestId)
                : throw new AwsException("SerializationException", "Start of structure or map found where not expected.");
        }
        catch (Exception error) when (error is JsonException or System.Formats.Cbor.CborContentException or InvalidOperationException)
        {
            throw new AwsException("SerializationException", "The request body could not be read.");
        }
    }

    public async Task WriteResultAsync(HttpResponse response, AwsCall call, object result)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers["x-amzn-RequestId"] = call.RequestId;
        await WriteBodyAsync(response, result);
    }

    public async Task WriteErrorAsync(HttpResponse response, AwsException error, string requestId)
    {
        response.StatusCode = (int)error.StatusCode;
        response.Headers["x-amzn-RequestId"] = requestId;
        var shape = _shapeOfCode.GetValueOrDefault(error.Code);
        if (shape is not null)
        {
            response.Headers["x-amzn-query-error"] = $"{error.Code};{(error.SenderFault ? "Sender" : "Receiver")}";
        }

        var body = new Dictionary<string, object?> { ["__type"] = ShapeNamespace + (shape ?? error.Code), ["message"] = error.Message };
        await WriteBodyAsync(response, body);
    }

    public AwsException AuthError(AuthFailure failure) => failure.Kind switch
    {
        AuthFailureKind.MissingAuthentication => new("MissingAuthenticationTokenException", failure.Message, HttpStatusCode.Forbidden),
        AuthFailureKind.IncompleteSignature => new("IncompleteSignatureException", failure.Message, HttpStatusCode.Forbidden),
        AuthFailureKind.UnrecognizedClient => new("UnrecognizedClientException", failure.Message, HttpStatusCode.Forbidden),
        _ => new("InvalidSignatureException", failure.Message, HttpStatusCode.Forbidden),
    };

    public AwsException ThrottlingError() => new("ThrottlingException", "Rate exceeded");

    public AwsException ServerError() => new("InternalServiceError", "Internal service error.", HttpStatusCode.InternalServerError, senderFault: false);

    public AwsException AccessDeniedError(AwsCall call) =>
        new("AccessDeniedException",
            $"User: {call.Credential.PrincipalArn} is not authorized to perform: cloudwatch:{call.Operation} because no identity-based policy allows the cloudwatch:{call.Operation} action",
            HttpStatusCode.Forbidden);

    private static async Task WriteBodyAsync(HttpResponse response, object body)
    {
        if (IsCbor(response.HttpContext.Request))
        {
            response.ContentType = CborContentType;
            response.Headers[SmithyProtocolHeader] = RpcV2Cbor;
            await response.Body.WriteAsync(CborBody.Write(body));
            return;
        }

        response.ContentType = JsonContentType;
        await JsonSerializer.SerializeAsync(response.Body, body, body.GetType(), AwsJson.PascalCaseOptions);
    }

    private string OperationFromPath(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        var operation = path.StartsWith(CborPathPrefix, StringComparison.Ordinal) ? path[CborPathPrefix.Length..] : string.Empty;
        return operations.Contains(operation)
            ? operation
            : throw new AwsException("UnknownOperationException", $"Unknown operation {path}.", HttpStatusCode.NotFound);
    }

    private string OperationFromTarget(HttpRequest request)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        var operation = target.StartsWith(TargetPrefix + ".", StringComparison.Ordinal) ? target[(TargetPrefix.Length + 1)..] : string.Empty;
        return operations.Contains(operation) ? operation : throw new AwsException("UnknownOperationException", string.Empty);
    }
}
