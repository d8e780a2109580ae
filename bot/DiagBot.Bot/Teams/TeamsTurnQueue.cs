using System.Threading.Channels;

namespace DiagBot.Bot.Teams;

/// <summary>
/// Between the endpoint and the worker: the endpoint acknowledges at once and the diagnosis runs here, because the
/// Bot Connector gives the bot only a few seconds to answer the HTTP request.
/// </summary>
internal sealed class TeamsTurnQueue
{
    public const int Capacity = 256;

    private readonly Channel<TeamsTurn> _turns = Channel.CreateBounded<TeamsTurn>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    public bool TryEnqueue(TeamsTurn turn) => _turns.Writer.TryWrite(turn);

    public IAsyncEnumerable<TeamsTurn> ReadAllAsync(CancellationToken cancellationToken) => _turns.Reader.ReadAllAsync(cancellationToken);
}
