using System.Globalization;
using DiagBot.Bot.Hosting;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Store;

namespace DiagBot.Bot.Events;

/// <summary>
/// POST /events/eventbridge (API destination) and POST /events/sns (HTTPS subscription, mapped only when
/// `DiagBot:Events:Sns:Topics` lists topics). Both refuse events from an account or region this bot is not configured for.
/// </summary>
internal static class EventEndpoints
{
    public const string EventBridgePath = "/events/eventbridge";
    public const string SnsPath = "/events/sns";
    private const string RetryAfterSeconds = "30";

    /// <summary>SNS retries a delivery for at most an hour by default; an older message is a replay.</summary>
    public static readonly TimeSpan MaxSnsAge = TimeSpan.FromHours(1);

    public static WebApplication MapEvents(this WebApplication app)
    {
        app.MapPost(EventBridgePath, EventBridgeAsync);
        if (app.Services.GetRequiredService<EventsOptions>().SnsTopics.Count > 0)
        {
            app.MapPost(SnsPath, SnsAsync);
        }

        return app;
    }

    private static async Task<IResult> EventBridgeAsync(HttpContext http, EventBridgeAuthenticator authenticator, IncidentCoordinator coordinator, ConfiguredScopes scopes, CancellationToken cancellationToken)
    {
        if (!authenticator.IsAuthenticated(http.Request))
        {
            return Results.Unauthorized();
        }

        var (body, problem) = await EventBody.ReadAsync(http, EventBody.EventBridgeTypes, cancellationToken).ConfigureAwait(false);
        return problem ?? await HandleAsync(http, body!, coordinator, scopes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> SnsAsync(
        HttpContext http, SnsSignatureVerifier verifier, EventsOptions options, IHttpClientFactory clients, IncidentCoordinator coordinator,
        ConfiguredScopes scopes, TimeProvider clock, ILogger<SnsSignatureVerifier> logger, CancellationToken cancellationToken)
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

        // Every topic's messages carry SNS's one regional signature: the topic, not the signature, says whose they are.
        // Checked first, so an unlisted topic costs no certificate fetch and is never confirmed.
        var topic = message.Field("TopicArn");
        if (topic is null || !options.SnsTopics.Contains(topic, StringComparer.Ordinal))
        {
            if (message.Type == SnsMessage.SubscriptionConfirmation && verifier.IsAllowedUrl(message.Field("SubscribeURL"), topic, out var unlisted))
            {
                logger.LogWarning(
                    "SNS subscription of unlisted topic {Topic} not confirmed (unverified). If it is yours, add it to {Setting} and confirm it at {SubscribeUrl}",
                    topic, EventsOptions.Section + ":Sns:Topics", unlisted);
            }

            return Error(StatusCodes.Status403Forbidden, $"Topic '{topic}' is not one of {EventsOptions.Section}:Sns:Topics.");
        }

        if (!DateTimeOffset.TryParse(message.Field("Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent)
            || clock.GetUtcNow() - sent > MaxSnsAge)
        {
            return Error(StatusCodes.Status403Forbidden, $"The SNS message's Timestamp '{message.Field("Timestamp")}' is more than {MaxSnsAge.TotalMinutes:0} minutes old or unreadable: a replay is refused.");
        }

        if (!await verifier.VerifyAsync(message, cancellationToken).ConfigureAwait(false))
        {
            return Error(StatusCodes.Status403Forbidden, "The SNS message's signature could not be verified.");
        }

        switch (message.Type)
        {
            case SnsMessage.SubscriptionConfirmation:
                // Confirmed only after verification, and only at SNS itself.
                if (!verifier.IsAllowedUrl(message.Field("SubscribeURL"), topic, out var subscribeUrl))
                {
                    return Error(StatusCodes.Status403Forbidden, "SubscribeURL is not an SNS address of the topic's region.");
                }

                using (var response = await clients.CreateClient(nameof(SnsSignatureVerifier)).GetAsync(subscribeUrl, cancellationToken).ConfigureAwait(false))
                {
                    logger.LogInformation("SNS subscription to {Topic} confirmed: {Status}", topic, (int)response.StatusCode);
                    return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(StatusCodes.Status502BadGateway);
                }

            case SnsMessage.Notification:
                return await HandleAsync(http, message.Field("Message") ?? "", coordinator, scopes, cancellationToken).ConfigureAwait(false);

            default:
                return Results.Ok();
        }
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, string eventJson, IncidentCoordinator coordinator, ConfiguredScopes scopes, CancellationToken cancellationToken)
    {
        var (ecsEvent, error) = EcsEventReader.Read(eventJson);
        if (ecsEvent is null || error is not null)
        {
            return Error(StatusCodes.Status400BadRequest, error!);
        }

        if (!scopes.Allows(ecsEvent.Account, ecsEvent.Region))
        {
            return Error(StatusCodes.Status403Forbidden, $"The event is from account {ecsEvent.Account} in {ecsEvent.Region}; this DiagBot is configured for {scopes.Describe()}.");
        }

        try
        {
            var result = await coordinator.HandleAsync(ecsEvent, cancellationToken).ConfigureAwait(false);
            return Results.Accepted(value: new { result = result.ToString() });
        }
        catch (StoreUnavailableException exception)
        {
            // 503 within the store's bounded wait: EventBridge retries a 5xx, and what it gives up on lands in the rule's dead-letter queue.
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
            return Error(StatusCodes.Status503ServiceUnavailable, $"DiagBot cannot keep this event right now: {exception.Message}. Send it again later.");
        }
    }

    private static IResult Error(int status, string error) => Results.Json(new { error }, statusCode: status);
}
