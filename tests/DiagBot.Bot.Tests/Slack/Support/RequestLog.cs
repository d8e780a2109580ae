namespace DiagBot.Bot.Tests.Slack.Support;

/// <summary>Requests in arrival order, and a wait for one that matches, woken by each arrival instead of polling.</summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(RecordedRequest request)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _requests.Add(request);
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                var found = _requests.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching request arrived within {timeout}. Received: {string.Join(", ", Snapshot().Select(request => request.Path))}");
            }
        }
    }
}
