using System.Globalization;
using System.Text.Json;

namespace DiagBot.Sandbox.Tests.Kubernetes;

/// <summary>The watch in the API server's wire format, against a sandbox of each test's own (the tests change its cluster).</summary>
public sealed class KubeWatchTests : IAsyncLifetime
{
    private static readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private SandboxServer _server = null!;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Watch_FromListResourceVersion_StreamsOnlyNewWarningsAsAddedThenModified()
    {
        var from = _server.Kubernetes.ResourceVersion;
        using var stream = await OpenAsync($"api/v1/namespaces/orders/events?watch=true&fieldSelector=type%3DWarning&resourceVersion={from}");

        var name = _server.Kubernetes.AddPodEvent("orders", "orders-api-7d9f8b6c5-abcde", "Warning", "BackOff", "Back-off restarting failed container api in pod orders-api-7d9f8b6c5-abcde_orders");
        var added = await stream.NextAsync();
        _server.Kubernetes.RepeatEvent("orders", name);
        var modified = await stream.NextAsync();

        Assert.Equal("ADDED", added.GetProperty("type").GetString());
        Assert.Equal("Event", added.GetProperty("object").GetProperty("kind").GetString());
        Assert.Equal("BackOff", added.GetProperty("object").GetProperty("reason").GetString());
        Assert.Equal("MODIFIED", modified.GetProperty("type").GetString());
        Assert.Equal(2, modified.GetProperty("object").GetProperty("count").GetInt32());
        Assert.True(Version(modified) > Version(added));
    }

    [Fact]
    public async Task Watch_WithBookmarks_FilteredOutChangeSendsBookmarkWithItsResourceVersion()
    {
        using var stream = await OpenAsync($"api/v1/namespaces/orders/events?watch=true&fieldSelector=type%3DWarning&allowWatchBookmarks=true&resourceVersion={_server.Kubernetes.ResourceVersion}");

        _server.Kubernetes.AddPodEvent("orders", "orders-api-7d9f8b6c5-abcde", "Normal", "Pulled", "Container image already present on machine");
        var bookmark = await stream.NextAsync();

        Assert.Equal("BOOKMARK", bookmark.GetProperty("type").GetString());
        Assert.Equal(_server.Kubernetes.ResourceVersion, Version(bookmark));
        Assert.False(bookmark.GetProperty("object").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Watch_FromCompactedResourceVersion_IsOneErrorLineWith410Expired()
    {
        var old = _server.Kubernetes.ResourceVersion;
        _server.Kubernetes.AddPodEvent("orders", "orders-api-7d9f8b6c5-abcde", "Warning", "BackOff", "Back-off restarting failed container");
        _server.Kubernetes.ExpireHistory();

        using var response = await _http.GetAsync(new Uri(_server.BaseAddress, $"api/v1/namespaces/orders/events?watch=true&resourceVersion={old}"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var error = JsonDocument.Parse(lines.Single()).RootElement;

        Assert.Equal("ERROR", error.GetProperty("type").GetString());
        Assert.Equal("Status", error.GetProperty("object").GetProperty("kind").GetString());
        Assert.Equal(410, error.GetProperty("object").GetProperty("code").GetInt32());
        Assert.Equal("Expired", error.GetProperty("object").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DropWatches_EndsTheOpenStream()
    {
        using var stream = await OpenAsync($"api/v1/events?watch=true&resourceVersion={_server.Kubernetes.ResourceVersion}");

        _server.Kubernetes.DropWatches();

        Assert.Null(await stream.NextOrEndAsync());
    }

    private static long Version(JsonElement line) =>
        long.Parse(line.GetProperty("object").GetProperty("metadata").GetProperty("resourceVersion").GetString()!, CultureInfo.InvariantCulture);

    private async Task<WatchStream> OpenAsync(string path)
    {
        var response = await _http.GetAsync(new Uri(_server.BaseAddress, path), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new WatchStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    private sealed class WatchStream(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public async Task<JsonElement> NextAsync() => await NextOrEndAsync() ?? throw new InvalidOperationException("the watch ended");

        public async Task<JsonElement?> NextOrEndAsync()
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var line = await reader.ReadLineAsync(deadline.Token);
            return line is null ? null : JsonDocument.Parse(line).RootElement;
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}
