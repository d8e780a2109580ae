using System.Threading.Channels;

namespace DiagBot.Bot.WebChat;

/// <summary>Progress lines in the order they were reported, for streaming to the page while the diagnosis runs.</summary>
internal sealed class ChannelProgress : IProgress<string>
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<string> Reader => _lines.Reader;

    public void Report(string value) => _lines.Writer.TryWrite(value);

    public void Complete() => _lines.Writer.TryComplete();
}
