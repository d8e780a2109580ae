using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DiagBot.Bot.Teams;

/// <summary>
/// The Bot Framework's OpenID metadata and signing keys. Routine reads come from the library's ConfigurationManager
/// (cached, refreshed on its own schedule). A token signed with a key id we do not know means the keys may have
/// rolled over: that request reads the metadata afresh at once (at most once a minute), since the manager's own
/// refresh runs in the background and would answer this request from the stale keys.
/// </summary>
internal sealed class BotFrameworkMetadata(
    TeamsOptions options,
    IConfigurationManager<OpenIdConnectConfiguration> manager,
    IDocumentRetriever documents,
    TimeProvider time)
{
    private static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ManagerCatchUp = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private OpenIdConnectConfiguration? _refreshed;
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        // A fresh read answers until the manager's background refresh has surely caught up.
        lock (_gate)
        {
            if (_refreshed is not null && time.GetUtcNow() - _lastRefresh < ManagerCatchUp)
            {
                return _refreshed;
            }
        }

        return await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the metadata again unless that was done within the last minute; null when throttled.</summary>
    public async Task<OpenIdConnectConfiguration?> RefreshAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _lastRefresh < MinimumRefreshInterval)
            {
                return null;
            }

            _lastRefresh = now;
        }

        OpenIdConnectConfiguration fresh;
        try
        {
            fresh = await OpenIdConnectConfigurationRetriever.GetAsync(options.OpenIdMetadataUrl.AbsoluteUri, documents, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or InvalidOperationException or ArgumentException)
        {
            // Unreadable now: the token stays unverified (401) and the manager keeps its last good keys.
            return null;
        }

        lock (_gate)
        {
            _refreshed = fresh;
        }

        manager.RequestRefresh();
        return fresh;
    }
}
