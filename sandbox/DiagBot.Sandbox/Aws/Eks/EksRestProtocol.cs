using System.Net;
using System.Text.Json;
using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.Aws.Signing;

namespace DiagBot.Sandbox.Aws.Eks;

/// <summary>
/// restJson1 as EKS speaks it: the operation is the method and path (GET /clusters/{name}, .../fargate-profiles[/{name}]),
/// paging in the query string, errors as an x-amzn-ErrorType header and a {"message"} body (EKS API Reference, Common Errors).
/// </summary>
internal sealed class EksRestProtocol : IAwsProtocol
{
    public const string DescribeCluster = "DescribeCluster";
    public const string ListFargateProfiles = "ListFargateProfiles";
    public const string DescribeFargateProfile = "DescribeFargateProfile";

    private static readonly Dictionary<string, string> _noForm = [];

    public AwsCall ReadCall(HttpRequest request, byte[] body, SandboxCredential credential, string requestId)
    {
        var s = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var (operation, members) = (request.Method, s) switch
        {
            ("GET", ["clusters", var name]) => (DescribeCluster, new Dictionary<string, string?> { ["name"] = name }),
            ("GET", ["clusters", var name, "fargate-profiles"]) => (ListFargateProfiles, new Dictionary<string, string?>
            {
                ["name"] = name, ["maxResults"] = request.Query["maxResults"].FirstOrDefault(), ["nextToken"] = request.Query["nextToken"].FirstOrDefault(),
            }),
            ("GET", ["clusters", var name, "fargate-profiles", var profile]) => (DescribeFargateProfile, new Dictionary<string, string?> { ["name"] = name, ["fargateProfileName"] = profile }),
            _ => throw new AwsException("NotFoundException", "The resource could not be found.", HttpStatusCode.NotFound),
        };
        return new AwsCall("eks", operation, JsonSerializer.SerializeToElement(members.Where(m => m.Value is not null).ToDictionary()), _noForm, credential, requestId);
    }

    public async Task WriteResultAsync(HttpResponse response, AwsCall call, object result)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.Headers["x-amzn-RequestId"] = call.RequestId;
        await JsonSerializer.SerializeAsync(response.Body, result, result.GetType(), AwsJson.SerializerOptions);
    }

    public async Task WriteErrorAsync(HttpResponse response, AwsException error, string requestId)
    {
        response.StatusCode = (int)error.StatusCode;
        response.ContentType = "application/json";
        response.Headers["x-amzn-RequestId"] = requestId;
        response.Headers["x-amzn-ErrorType"] = error.Code;
        await JsonSerializer.SerializeAsync(response.Body, new Dictionary<string, string> { ["message"] = error.Message });
    }

    public AwsException AuthError(AuthFailure failure) => failure.Kind switch
    {
        AuthFailureKind.MissingAuthentication => new("MissingAuthenticationTokenException", failure.Message, HttpStatusCode.Forbidden),
        AuthFailureKind.UnrecognizedClient => new("UnrecognizedClientException", failure.Message, HttpStatusCode.Forbidden),
        _ => new("InvalidSignatureException", failure.Message, HttpStatusCode.Forbidden),
    };

    public AwsException ThrottlingError() => new("ThrottlingException", "Rate exceeded", HttpStatusCode.TooManyRequests);

    public AwsException ServerError() => new("ServerException", "An internal error occurred.", HttpStatusCode.InternalServerError, senderFault: false);

    public AwsException AccessDeniedError(AwsCall call) =>
        new("AccessDeniedException",
            $"User: {call.Credential.PrincipalArn} is not authorized to perform: eks:{call.Operation} on resource: arn:aws:eks:::cluster/{JsonRequest.String(call.Json, "name")}",
            HttpStatusCode.Forbidden);
}
