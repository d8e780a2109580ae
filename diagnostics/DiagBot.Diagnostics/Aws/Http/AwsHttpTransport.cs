using System.Net.Http.Headers;
using Amazon.Runtime;
using DiagBot.Diagnostics.Aws.Configuration;
using DiagBot.Diagnostics.Aws.Credentials;
using DiagBot.Diagnostics.Aws.Signing;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>
/// Sends one signed request to an AWS endpoint and returns its answer, or the gap that stands for it.
/// Every exception is caught here, so clients above only ever see results.
/// </summary>
internal sealed class AwsHttpTransport(
    IHttpClientFactory httpClients,
    AwsEndpointResolver endpoints,
    IAwsCredentialSource credentials,
    AwsOptions options,
    TimeProvider time)
{
    public const string HttpClientName = "DiagBot.Aws";

    public async Task<EvidenceResult<AwsRawResponse>> SendAsync(
        AwsOperation operation, AwsTarget target, AwsHttpRequest request, DiagnosisBudget budget, CancellationToken cancellationToken)
    {
        if (budget.IsExhausted)
        {
            return Gap(operation, GapReason.BudgetExhausted, $"the diagnosis budget of {budget.Limit.TotalSeconds:0.#}s ran out before this call");
        }

        using var callTimeout = new CancellationTokenSource(options.CallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callTimeout.Token, budget.Token, cancellationToken);
        try
        {
            var identity = await credentials.GetAsync(target.AccountId, linked.Token).ConfigureAwait(false);
            using var message = BuildMessage(operation, target, request, identity);
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
            return EvidenceResult<AwsRawResponse>.Found(new AwsRawResponse(response.StatusCode, body, errorType));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Gap(operation, GapReason.TimedOut, "cancelled by the caller");
        }
        catch (OperationCanceledException) when (budget.IsExhausted)
        {
            return Gap(operation, GapReason.BudgetExhausted, $"the diagnosis budget of {budget.Limit.TotalSeconds:0.#}s ran out during this call");
        }
        catch (OperationCanceledException)
        {
            return Gap(operation, GapReason.TimedOut, $"no answer from {target} within {options.CallTimeout.TotalSeconds:0.#}s ({AwsOptions.SectionName}:CallTimeout)");
        }
        catch (HttpRequestException ex)
        {
            return Gap(operation, GapReason.Unreachable, $"{endpoints.Resolve(operation.Service, target.Region).Authority}: {ex.Message}");
        }
        catch (AmazonClientException ex)
        {
            return Gap(operation, GapReason.AccessDenied, $"{operation.IamAction} not attempted: no usable AWS credentials ({FirstLine(ex.Message)})");
        }
#pragma warning disable CA1031 // A failed source must become a gap; the diagnosis goes on with the others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Gap(operation, GapReason.ServiceError, $"{ex.GetType().Name}: {FirstLine(ex.Message)}");
        }
    }

    private HttpRequestMessage BuildMessage(AwsOperation operation, AwsTarget target, AwsHttpRequest request, ImmutableCredentials identity)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, endpoints.Resolve(operation.Service, target.Region))
        {
            Content = new ByteArrayContent(request.Body),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        SigV4Signer.Sign(message, request.Body, identity, target.Region, operation.Service.SigningName, time.GetUtcNow());
        return message;
    }

    private static EvidenceResult<AwsRawResponse> Gap(AwsOperation operation, GapReason reason, string detail) =>
        EvidenceResult<AwsRawResponse>.Missing(new EvidenceGap(operation.Service.Key, operation.Name, reason, detail));

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
