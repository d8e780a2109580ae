using System.Net.Sockets;
using Amazon.Runtime;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Aws.Resilience;

/// <summary>What an exception from a call means for the verdict.</summary>
internal static class AwsExceptionMapper
{
    public static EvidenceGap ToGap(AwsOperation operation, Exception exception)
    {
        var network = Chain(exception).FirstOrDefault(e => e is HttpRequestException or SocketException);
        if (network is not null)
        {
            return Gap(operation, GapReason.Unreachable, FirstLine(network.Message));
        }

        return exception switch
        {
            // Raised by AWSSDK clients (EC2, STS) for an error answer; the same codes as our own clients see.
            AmazonServiceException service when !string.IsNullOrEmpty(service.ErrorCode) || (int)service.StatusCode > 0 =>
                AwsErrorMapper.ToGap(operation, service.StatusCode, service.ErrorCode, service.Message),
            AmazonClientException client =>
                Gap(operation, GapReason.AccessDenied, $"{operation.IamAction} not attempted: no usable AWS credentials ({FirstLine(client.Message)})"),
            _ => Gap(operation, GapReason.ServiceError, $"{exception.GetType().Name}: {FirstLine(exception.Message)}"),
        };
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static EvidenceGap Gap(AwsOperation operation, GapReason reason, string detail) =>
        new(operation.Service.Key, operation.Name, reason, detail);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
