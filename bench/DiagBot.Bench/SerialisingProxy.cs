using System.Reflection;

namespace DiagBot.Bench;

/// <summary>
/// Wraps one evidence interface: every call is counted, and in sequential mode waits for the previous call
/// to finish, the way a step-by-step runbook reads one thing after another. DispatchProxy generates a subclass at
/// run time, so this type cannot be sealed.
/// </summary>
internal class SerialisingProxy<T> : DispatchProxy
    where T : class
{
    private static readonly MethodInfo GuardMethod = typeof(SerialisingProxy<T>).GetMethod(nameof(GuardAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private T _inner = null!;
    private SemaphoreSlim? _gate;
    private EvidenceCallCounter _counter = null!;

    public static T Wrap(T inner, SemaphoreSlim? gate, EvidenceCallCounter counter)
    {
        var proxy = Create<T, SerialisingProxy<T>>();
        var self = (SerialisingProxy<T>)(object)proxy;
        self._inner = inner;
        self._gate = gate;
        self._counter = counter;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var returnType = targetMethod.ReturnType;
        if (!returnType.IsGenericType || returnType.GetGenericTypeDefinition() != typeof(Task<>))
        {
            return Call(targetMethod, args);
        }

        _counter.Asked();
        var guard = GuardMethod.MakeGenericMethod(returnType.GetGenericArguments()[0]);
        return guard.Invoke(this, [targetMethod, args]);
    }

    private async Task<TResult> GuardAsync<TResult>(MethodInfo method, object?[]? args)
    {
        if (_gate is null)
        {
            var startedAt = _counter.Now;
            var answer = await ((Task<TResult>)Call(method, args)!).ConfigureAwait(false);
            _counter.Answered(method, args, startedAt);
            return answer;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return await ((Task<TResult>)Call(method, args)!).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private object? Call(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
