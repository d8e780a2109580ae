using System.Net;
using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.Aws.Signing;
using DiagBot.Sandbox.Aws.Throttling;

namespace DiagBot.Sandbox.Aws;

/// <summary>
/// POST /: picks the service from the SigV4 credential scope, verifies the signature, picks the signer's account,
/// applies its documented request rate and the faults, then answers.
/// </summary>
internal sealed class AwsEndpoint(AccountServices accounts, SigV4Verifier verifier, SandboxFaults faults, RateLimits rates, TimeProvider clock)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var requestId = Guid.NewGuid().ToString();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();

        string? authorization = request.Headers.Authorization;
        var signingName = AuthorizationHeader.ServiceOf(authorization);
        var service = accounts.Find(null, signingName);
        var protocol = service?.Protocol ?? FallbackProtocol.For(request);
        if (service is null)
        {
            var error = string.IsNullOrEmpty(authorization)
                ? protocol.AuthError(new AuthFailure(AuthFailureKind.MissingAuthentication, "Missing Authentication Token"))
                : new AwsException(FallbackProtocol.UnknownOperationCode(protocol), $"The sandbox does not simulate the service '{signingName}'.", HttpStatusCode.BadRequest);
            await protocol.WriteErrorAsync(response, error, requestId);
            return;
        }

        var (credential, failure) = verifier.Verify(request, body);
        if (failure is not null)
        {
            await protocol.WriteErrorAsync(response, protocol.AuthError(failure), requestId);
            return;
        }

        try
        {
            // Each account has its own resources: the same service, answering from the signer's account.
            service = accounts.Find(credential!.AccountId, signingName)!;
            var call = protocol.ReadCall(request, body, credential, requestId);
            if (!rates.TryTake(call))
            {
                throw protocol.ThrottlingError();
            }

            // A hang also ends when the sandbox stops, so disposing it never waits out a fault.
            var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await FaultInjector.ApplyAsync(faults, clock, call, protocol, hang.Token);
            await protocol.WriteResultAsync(response, call, service.Invoke(call));
        }
        catch (AwsException error)
        {
            await protocol.WriteErrorAsync(response, error, requestId);
        }
        catch (Exception error) when (error is not OperationCanceledException && !response.HasStarted)
        {
            // A bug in the sandbox still answers in the protocol's shape (500), so a client reports it instead of hanging on a parse error.
            var serverError = protocol.ServerError();
            await protocol.WriteErrorAsync(response, new AwsException(serverError.Code, $"{serverError.Message} ({error.GetType().Name}: {error.Message})", serverError.StatusCode, senderFault: false), requestId);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested && !response.HasStarted)
        {
            await protocol.WriteErrorAsync(response, protocol.ServerError(), requestId);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (a hang fault outlasted its timeout): there is no one left to answer.
        }
    }
}
