using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace DiagBot.Bot.WebChat.Access;

/// <summary>
/// The ALB's signing keys, one PEM per key id at the regional endpoint. AWS, "Authenticate users using an Application Load
/// Balancer", User claims encoding and signature verification: "get the key ID from the JWT header. Use the key ID to look
/// up the public key from the regional endpoint ... https://public-keys.auth.elb.region.amazonaws.com/key-id".
/// Keys are cached, at most <see cref="MaxKeys"/>: a flood of made-up key ids cannot grow memory or the fetches past that.
/// </summary>
internal sealed partial class AlbPublicKeys(HttpClient http, WebChatOptions options, ILogger<AlbPublicKeys> logger)
{
    public const int MaxKeys = 16;

    private readonly ConcurrentDictionary<string, Lazy<Task<ECParameters?>>> _keys = new(StringComparer.Ordinal);

    public static Uri RegionalEndpoint(string region) => new($"https://public-keys.auth.elb.{region}.amazonaws.com/");

    public async Task<ECParameters?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        // A key id goes into the URL's path: only the characters AWS's ids are made of (a UUID), so it names one file.
        if (!KeyIdPattern().IsMatch(keyId) || options.Alb is not { } alb)
        {
            return null;
        }

        if (!_keys.ContainsKey(keyId) && _keys.Count >= MaxKeys)
        {
            EvictFailed();
            if (_keys.Count >= MaxKeys)
            {
                logger.LogWarning("ALB key {KeyId} not fetched: {Max} keys already cached", keyId, MaxKeys);
                return null;
            }
        }

        var key = await _keys.GetOrAdd(keyId, id => new Lazy<Task<ECParameters?>>(() => FetchAsync(new Uri(alb.PublicKeyEndpoint, id)))).Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            _keys.TryRemove(keyId, out _);
        }

        return key;
    }

    private void EvictFailed()
    {
        foreach (var (id, entry) in _keys)
        {
            if (entry.IsValueCreated && entry.Value.IsCompleted && entry.Value.Result is null)
            {
                _keys.TryRemove(id, out _);
            }
        }
    }

    private async Task<ECParameters?> FetchAsync(Uri url)
    {
        try
        {
            var pem = await http.GetStringAsync(url).ConfigureAwait(false);
            using var key = ECDsa.Create();
            key.ImportFromPem(pem);
            return key.ExportParameters(includePrivateParameters: false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or ArgumentException or CryptographicException)
        {
            logger.LogWarning("ALB public key {Url} could not be read: {Reason}", url, exception.Message);
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex KeyIdPattern();
}
