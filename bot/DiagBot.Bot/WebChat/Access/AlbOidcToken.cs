using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DiagBot.Bot.WebChat.Access;

/// <summary>
/// Verifies `x-amzn-oidc-data`, the claims the ALB's authenticate-oidc action signs (AWS, "Authenticate users using an
/// Application Load Balancer"): a JWT whose header carries alg ES256, kid, signer (the load balancer's ARN), iss,
/// client and exp. Only ES256, only the configured signer, only before exp; the key comes from the configured endpoint,
/// never from the token. The ALB pads its base64url segments, which standard JWT libraries refuse, so they are read here.
/// </summary>
internal sealed class AlbOidcToken(AlbPublicKeys keys, WebChatOptions options, TimeProvider clock)
{
    public const string Header = "x-amzn-oidc-data";

    public async Task<(ClaimsPrincipal? User, string? Refusal)> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || Decode(parts[0]) is not { } headerBytes || Decode(parts[1]) is not { } payloadBytes || Decode(parts[2]) is not { } signature)
        {
            return (null, "not a JWT of three base64url parts");
        }

        using var header = Parse(headerBytes);
        using var payload = Parse(payloadBytes);
        if (header is null || payload is null)
        {
            return (null, "its header or claims are not JSON objects");
        }

        if (Text(header, "alg") != "ES256")
        {
            return (null, $"alg is '{Text(header, "alg")}', not ES256");
        }

        if (Text(header, "signer") != options.Alb!.LoadBalancerArn)
        {
            return (null, $"signer '{Text(header, "signer")}' is not the configured load balancer");
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var expiry = Seconds(header, "exp") ?? Seconds(payload, "exp");
        if (expiry is null || expiry <= now)
        {
            return (null, expiry is null ? "it has no exp" : "it has expired");
        }

        using var key = await keys.GetAsync(Text(header, "kid") ?? "", cancellationToken).ConfigureAwait(false) is { } parameters ? ECDsa.Create(parameters) : null;
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (key is null || signature.Length != 64 || !key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return (null, key is null ? "its key id names no ALB key" : "the signature does not verify");
        }

        return (Principal(payload.RootElement), null);
    }

    private static ClaimsPrincipal Principal(JsonElement claims)
    {
        var identity = new ClaimsIdentity(WebChatAccess.AlbScheme, WebChatAccess.EmailClaim, WebChatAccess.GroupsClaim);
        foreach (var property in claims.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                identity.AddClaim(new Claim(property.Name, property.Value.GetString()!));
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String))
                {
                    identity.AddClaim(new Claim(property.Name, item.GetString()!));
                }
            }
        }

        return new ClaimsPrincipal(identity);
    }

    private static byte[]? Decode(string segment)
    {
        var text = segment.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static JsonDocument? Parse(byte[] bytes)
    {
        try
        {
            var document = JsonDocument.Parse(bytes, Hosting.StrictJson.Document);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonDocument document, string name) =>
        document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Seconds(JsonDocument document, string name) =>
        document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) ? seconds : null;
}
