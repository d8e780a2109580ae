using System.Security.Cryptography;
using System.Text;

namespace DiagBot.Bot.Events;

/// <summary>What an EventBridge connection sends: the API key header, or basic auth; compared in constant time.</summary>
internal sealed class EventBridgeAuthenticator(EventsOptions options)
{
    public bool IsAuthenticated(HttpRequest request)
    {
        if (options.ApiKey is { } key && request.Headers.TryGetValue(options.ApiKeyHeader, out var sent) && Same(sent.ToString(), key))
        {
            return true;
        }

        if (options.BasicUser is null || request.Headers.Authorization.ToString() is not { } header
            || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            return Same(pair, $"{options.BasicUser}:{options.BasicPassword}");
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool Same(string sent, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));
}
