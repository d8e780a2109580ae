using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DiagBot.Bot.Slack;

internal enum SignatureCheck
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    BadSignature,
}

/// <summary>
/// Slack's request signing, version v0: HMAC-SHA256 keyed with the signing secret over
/// "v0:{X-Slack-Request-Timestamp}:{raw body}", sent hex-encoded as "v0=..." in X-Slack-Signature.
/// </summary>
internal sealed class SlackSignatureVerifier(SlackOptions options, TimeProvider time)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>Slack's documentation: reject requests more than five minutes away, so a captured request cannot be replayed later.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    private const string Version = "v0";

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.BadSignature;
        }

        var age = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > ReplayWindow.TotalSeconds)
        {
            return SignatureCheck.StaleTimestamp;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(options.SigningSecret ?? string.Empty, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? SignatureCheck.Valid : SignatureCheck.BadSignature;
    }

    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var baseString = new byte[prefix.Length + body.Length];
        prefix.CopyTo(baseString, 0);
        body.CopyTo(baseString.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), baseString);
        return Version + "=" + Convert.ToHexStringLower(hash);
    }
}
