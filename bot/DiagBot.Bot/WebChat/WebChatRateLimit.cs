using System.Globalization;
using System.Threading.RateLimiting;
using DiagBot.Bot.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace DiagBot.Bot.WebChat;

/// <summary>
/// `DiagBot:WebChat:RequestsPerMinute` (default 30) messages per caller (the signed-in user, else the address), in a
/// fixed one-minute window; past it the caller is answered 429 with a line saying when to try again. The admission
/// limit (DiagnosisAdmission) still bounds what all callers together run.
/// </summary>
internal static class WebChatRateLimit
{
    public const string Policy = "webchat-messages";
    public const string Key = "DiagBot:WebChat:RequestsPerMinute";
    public const int DefaultPerMinute = 30;
    public const string Refusal = "You have sent many messages in the last minute; try again in a minute.";

    public static IServiceCollection AddWebChatRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = PerMinute(configuration);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(new { type = "error", text = Refusal }, cancellationToken).ConfigureAwait(false);
            };
            options.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                Caller(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    private static string Caller(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "address:" + http.Connection.RemoteIpAddress;

    private static int PerMinute(IConfiguration configuration)
    {
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultPerMinute;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidConfigurationException($"{Key} is '{text}'; it must be a positive whole number (default {DefaultPerMinute}). Set it in appsettings.json or as DiagBot__WebChat__RequestsPerMinute.");
    }
}
