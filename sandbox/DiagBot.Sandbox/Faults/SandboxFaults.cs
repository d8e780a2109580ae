using System.Collections.Concurrent;

namespace DiagBot.Sandbox;

/// <summary>Faults keyed by the signing service name ("ecs", "logs", "kubernetes"...) and operation; "*" matches every operation.</summary>
public sealed class SandboxFaults
{
    public const string AnyOperation = "*";

    private readonly ConcurrentDictionary<(string Service, string Operation), SandboxFault> _faults = new();
    private readonly Lock _countLock = new();

    public void Set(string service, string operation, SandboxFault fault)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(fault);
        _faults[Key(service, operation)] = fault;
    }

    public void Clear(string service, string operation) => _faults.TryRemove(Key(service, operation), out _);

    public void Clear() => _faults.Clear();

    public IReadOnlyDictionary<string, SandboxFault> Snapshot() =>
        _faults.ToDictionary(pair => $"{pair.Key.Service}:{pair.Key.Operation}", pair => pair.Value);

    /// <summary>Returns the fault for this request and counts it down; a fault whose count is spent is removed.</summary>
    public SandboxFault? Take(string service, string operation)
    {
        foreach (var key in new[] { Key(service, operation), Key(service, AnyOperation) })
        {
            lock (_countLock)
            {
                if (!_faults.TryGetValue(key, out var fault))
                {
                    continue;
                }

                if (fault.Times is { } times)
                {
                    if (times <= 1)
                    {
                        _faults.TryRemove(key, out _);
                    }
                    else
                    {
                        _faults[key] = fault with { Times = times - 1 };
                    }
                }

                return fault;
            }
        }

        return null;
    }

    private static (string, string) Key(string service, string operation) =>
        (service.ToLowerInvariant(), operation.ToLowerInvariant());
}
