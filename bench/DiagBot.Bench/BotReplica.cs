using System.Diagnostics;
using System.Globalization;
using DiagBot.Bot.Tests.Store;

namespace DiagBot.Bench;

/// <summary>
/// The bot in serve mode in a process of its own (the built DiagBot.Bot.dll under `dotnet`, as the container runs it),
/// so that its memory is its own: the peak working set is the kernel's high-water mark of the process's resident
/// memory (VmHWM on Linux), read before the process is stopped, not a sample of the bench's process.
/// </summary>
internal sealed class BotReplica : IAsyncDisposable
{
    private const int TailLines = 20;
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private BotReplica(Process process, Uri baseAddress)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Client { get; }

    public double PeakWorkingSetMb
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64 / (1024.0 * 1024.0);
        }
    }

    /// <summary>Starts the bot with <paramref name="settings"/> as its command-line configuration and waits until /readyz answers.</summary>
    public static async Task<BotReplica> StartAsync(IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string> environment)
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "DiagBot.Bot.dll");
        if (!File.Exists(Path.ChangeExtension(bot, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"{bot} cannot run on its own (no runtimeconfig.json beside it): build the solution first");
        }

        var port = RedisServer.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(bot);
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{port}"));
        foreach (var (key, value) in settings.Where(setting => setting.Value is not null))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the bot");
        var replica = new BotReplica(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        process.OutputDataReceived += (_, line) => replica.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => replica.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await replica.WaitReadyAsync();
        return replica;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartLimit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the bot exited with {_process.ExitCode} at start-up:\n{Tail()}");
            }

            try
            {
                using var ready = await Client.GetAsync(new Uri("readyz", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the bot was not ready within {StartLimit.TotalMinutes} minutes:\n{Tail()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    private string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }
}
