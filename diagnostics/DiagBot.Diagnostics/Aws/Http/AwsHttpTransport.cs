using System.Net.Http.Headers;
using Amazon.Runtime;
using DiagBot.Diagnostics.Aws.Credentials;
using DiagBot.Diagnostics.Aws.Signing;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>
/// Sends one signed request to an AWS endpoint and returns its answer, whatever the status. Failures to get an
/// answer at all are thrown; <see cref="Resilience.AwsCallGuard"/> turns them into gaps.
/// </summary>
internal sealed class AwsHttpTransport(IHttpClientFactory httpClients, AwsEndpointResolver endpoints, IAwsCredentialSource credentials, TimeProvider time)
{
    public const string HttpClientName = "DiagBot.Aws";

    public async Task<AwsRawResponse> SendAsync(AwsOperation operation, AwsTarget target, AwsHttpRequest request, CancellationToken cancellationToken)
    {
        var identity = await credentials.GetAsync(target.AccountId, cancellationToken).ConfigureAwait(false);
        using var message = BuildMessage(operation, target, request, identity);
        using var response = await httpClients.CreateClient(HttpClientName)
            .SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        return new AwsRawResponse(response.StatusCode, body, errorType);
    }

    private HttpRequestMessage BuildMessage(AwsOperation operation, AwsTarget target, AwsHttpRequest request, ImmutableCredentials identity)
    {
        var endpoint = endpoints.Resolve(operation.Service, target.Region);
        var message = request.RelativePath is { } path
            ? new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, path))
            : new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(request.Body) };
        if (message.Content is not null)
        {
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        // Signed per attempt: a retry carries a fresh X-Amz-Date.
        SigV4Signer.Sign(message, request.Body, identity, target.Region, operation.Service.SigningName, time.GetUtcNow());
        return message;
    }
}
