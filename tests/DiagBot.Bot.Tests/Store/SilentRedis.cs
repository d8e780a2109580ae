using System.Net;
using System.Net.Sockets;

namespace DiagBot.Bot.Tests.Store;

/// <summary>A loopback listener that accepts connections and never answers: a Redis that is there and does not reply.</summary>
internal sealed class SilentRedis : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _accepted = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SilentRedis()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    // The client's handshake never completes either; the tests are about calls that go unanswered, so the bot need not
    // wait StackExchange.Redis' default 5 s connect timeout before it makes them.
    public string ConnectionString => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port},connectTimeout=300";

    public int Accepted
    {
        get
        {
            lock (_accepted)
            {
                return _accepted.Count;
            }
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_accepted)
                {
                    _accepted.Add(client);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_accepted)
        {
            _accepted.ForEach(client => client.Dispose());
        }

        _stop.Dispose();
    }
}
