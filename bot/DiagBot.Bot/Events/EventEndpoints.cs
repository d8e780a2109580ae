using DiagBot.Bot.Incidents;

namespace DiagBot.Bot.Events;

/// <summary>POST /events/eventbridge (API destination) and POST /events/sns (HTTPS subscription).</summary>
internal static class EventEndpoints
{
    public const string EventBridgePath = "/events/eventbridge";
    public const string SnsPath = "/events/sns";

    public static WebApplication MapEvents(this WebApplication app)
    {
        app.MapPost(EventBridgePath, EventBridgeAsync);
        app.MapPost(SnsPath, SnsAsync);
        return app;
    }

    private static async Task<IResult> EventBridgeAsync(HttpContext http, EventBridgeAuthenticator authenticator, IncidentCoordinator coordinator, CancellationToken cancellationToken)
    {
        if (!authenticator.IsAuthenticated(http.Request))
        {
            return Results.Unauthorized();
        }

        var (body, problem) = await EventBody.ReadAsync(http, EventBody.EventBridgeTypes, cancellationToken).ConfigureAwait(false);
        return problem ?? await HandleAsync(body!, coordinator, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> SnsAsync(HttpContext http, SnsSignatureVerifier verifier, IHttpClientFactory clients, IncidentCoordinator coordinator, ILogger<SnsSignatureVerifier> logger, CancellationToken cancellationToken)
    {
        var (body, problem) = await EventBody.ReadAsync(http, EventBody.SnsTypes, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (SnsMessage.TryParse(body!) is not { } message)
        {
            return Error(StatusCodes.Status400BadRequest, "Not an SNS message: a JSON object with Type, MessageId, TopicArn, Message, Timestamp, SignatureVersion, Signature and SigningCertURL.");
        }

        if (!await verifier.VerifyAsync(message, cancellationToken).ConfigureAwait(false))
        {
            return Error(StatusCodes.Status403Forbidden, "The SNS message's signature could not be verified.");
        }

        switch (message.Type)
        {
            case SnsMessage.SubscriptionConfirmation:
                // Confirmed only after verification, and only at SNS itself.
                if (!verifier.IsAllowedUrl(message.Field("SubscribeURL"), message.Field("TopicArn"), out var subscribeUrl))
                {
                    return Error(StatusCodes.Status403Forbidden, "SubscribeURL is not an SNS address of the topic's region.");
                }

                using (var response = await clients.CreateClient(nameof(SnsSignatureVerifier)).GetAsync(subscribeUrl, cancellationToken).ConfigureAwait(false))
                {
                    logger.LogInformation("SNS subscription to {Topic} confirmed: {Status}", message.Field("TopicArn"), (int)response.StatusCode);
                    return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(StatusCodes.Status502BadGateway);
                }

            case SnsMessage.Notification:
                return await HandleAsync(message.Field("Message") ?? "", coordinator, cancellationToken).ConfigureAwait(false);

            default:
                return Results.Ok();
        }
    }

    private static async Task<IResult> HandleAsync(string eventJson, IncidentCoordinator coordinator, CancellationToken cancellationToken)
    {
        var (ecsEvent, error) = EcsEventReader.Read(eventJson);
        if (ecsEvent is null || error is not null)
        {
            return Error(StatusCodes.Status400BadRequest, error!);
        }

        var result = await coordinator.HandleAsync(ecsEvent, cancellationToken).ConfigureAwait(false);
        return Results.Accepted(value: new { result = result.ToString() });
    }

    private static IResult Error(int status, string error) => Results.Json(new { error }, statusCode: status);
}
