namespace DiagBot.Playbooks.Tests.Support;

/// <summary>
/// Counts the round trips a diagnosis needs without a clock: every evidence read the diagnosis starts is held
/// until the round it started in is released, and a round is released only once every read of it has its answer.
/// A read that depends on another's answer therefore lands in a later round; reads that do not share one. The
/// count is what the bench measures as latency over L, and it cannot flake with the machine's load.
/// </summary>
public sealed class EvidenceRounds
{
    private readonly object _lock = new();
    private readonly List<Task> _answered = [];
    private readonly List<(string Key, Action Release)> _waiting = [];
    private readonly List<string> _outlived = [];
    private readonly HashSet<string> _answeredThisRound = new(StringComparer.Ordinal);
    private readonly HashSet<string> _answeredBefore = new(StringComparer.Ordinal);
    private readonly List<string> _log = [];
    private bool _open;

    /// <summary>What happened, round by round: each read held (and in which round) and each answered from an earlier one.</summary>
    public string Log => Locked(() => string.Join("\n", _log));

    /// <summary>The reads a diagnosis had started and not yet been given when it answered: reads that outlived it.</summary>
    public IReadOnlyList<string> Outlived => Locked<IReadOnlyList<string>>(() => [.. _outlived]);

    /// <summary>Runs the diagnosis and returns how many rounds of evidence reads it waited for.</summary>
    /// <remarks>
    /// On the thread pool, away from the test framework's synchronization context: .NET runs a released read's
    /// continuation inline only where no such context is current, and inline is what keeps the count exact.
    /// </remarks>
    public Task<int> CountAsync(Func<Task> diagnosis, TimeSpan deadline) => Task.Run(() => CountOnPoolAsync(diagnosis, deadline));

    private async Task<int> CountOnPoolAsync(Func<Task> diagnosis, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        var run = diagnosis();
        var rounds = 0;
        while (true)
        {
            await AnsweredAsync(timeout.Token).ConfigureAwait(false);
            if (run.IsCompleted)
            {
                lock (_lock)
                {
                    _outlived.AddRange(_waiting.Select(w => w.Key));
                }

                break;
            }

            if (!Release())
            {
                // Busy with something that is not an evidence read; give it the time it needs.
                await Task.WhenAny(run, Task.Delay(10, timeout.Token)).ConfigureAwait(false);
                continue;
            }

            rounds++;
        }

        OpenForGood();
        await run.ConfigureAwait(false);
        return rounds;
    }

    /// <summary>
    /// Called by the proxies for every read, <paramref name="read"/> being the session's answer. The caller gets a
    /// task that completes on this class's thread when the round is released, so what it reads next starts
    /// before <see cref="Release"/> returns and belongs to the next round.
    /// </summary>
    internal Task<TResult> Hold<TResult>(string key, Task<TResult> read)
    {
        var released = new TaskCompletionSource<TResult>();
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            // A read answered in an earlier round is the session cache's: it costs no round trip. Known by its key,
            // not by being complete: on a busy machine a new read can be answered before this line looks at it.
            if (_open || _answeredBefore.Contains(key))
            {
                _log.Add("  cached " + key);
                return read;
            }

            _log.Add("  held   " + key);

            _answered.Add(answered.Task);
        }

        _ = AnswerAsync(key, read, released, answered);
        return released.Task;
    }

    private async Task AnswerAsync<TResult>(string key, Task<TResult> read, TaskCompletionSource<TResult> released, TaskCompletionSource answered)
    {
        Action release;
        try
        {
            var answer = await read.ConfigureAwait(false);
            release = () => released.SetResult(answer);
        }
#pragma warning disable CA1031 // whatever the read threw, the caller sees it when the round is released
        catch (Exception e)
#pragma warning restore CA1031
        {
            release = () => released.SetException(e);
        }

        var now = false;
        lock (_lock)
        {
            _answeredThisRound.Add(key);
            if (_open)
            {
                now = true;
            }
            else
            {
                _waiting.Add((key, release));
            }
        }

        if (now)
        {
            release();
        }

        answered.SetResult();
    }

    private async Task AnsweredAsync(CancellationToken cancellationToken)
    {
        var seen = -1;
        while (true)
        {
            Task[] answered;
            lock (_lock)
            {
                answered = [.. _answered];
            }

            if (answered.Length == seen)
            {
                return;
            }

            seen = answered.Length;
            await Task.WhenAll(answered).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Release()
    {
        List<Action> waiting;
        lock (_lock)
        {
            waiting = [.. _waiting.Select(w => w.Release)];
            _waiting.Clear();
            _answered.Clear();
            _answeredBefore.UnionWith(_answeredThisRound);
            _answeredThisRound.Clear();
        }

        lock (_lock)
        {
            _log.Add($"released {waiting.Count}");
        }

        foreach (var release in waiting)
        {
            release();
        }

        return waiting.Count > 0;
    }

    private void OpenForGood()
    {
        List<Action> waiting;
        lock (_lock)
        {
            _open = true;
            waiting = [.. _waiting.Select(w => w.Release)];
            _waiting.Clear();
        }

        foreach (var release in waiting)
        {
            release();
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }
}
