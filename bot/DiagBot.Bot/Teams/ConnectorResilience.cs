using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DiagBot.Bot.Teams;

/// <summary>
/// Retries for calls to the Bot Connector: 429 and 5xx only, honouring Retry-After, with jittered backoff,
/// all inside one time budget per send. Anything else (400, 401, 403, 404) is the answer, not a blip.
/// </summary>
internal static class ConnectorResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Create(TeamsOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.SendBudget })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = static arguments => ValueTask.FromResult(RetryAfter(arguments.Outcome.Result)),
            })
            .Build();

    public static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response?.StatusCode == HttpStatusCode.TooManyRequests ? response.Headers.RetryAfter?.Delta : null;
}
