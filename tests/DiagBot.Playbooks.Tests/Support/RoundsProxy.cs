using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.Tests.Support;

/// <summary>Puts every Task-returning call of an evidence interface through <see cref="EvidenceRounds"/>.</summary>
public partial class RoundsProxy<T> : DispatchProxy
    where T : class
{
    // The session asks ECS once for a cluster given by name or by ARN (one account here), so the key does too.
    [GeneratedRegex(@"arn:aws:ecs:[a-z0-9-]+:[0-9]{12}:cluster/")]
    private static partial Regex ClusterArn();

    private static readonly MethodInfo HoldMethod = typeof(EvidenceRounds).GetMethod(nameof(EvidenceRounds.Hold), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private T _inner = null!;
    private EvidenceRounds _rounds = null!;

    public static T Wrap(T inner, EvidenceRounds rounds)
    {
        var proxy = Create<T, RoundsProxy<T>>();
        var self = (RoundsProxy<T>)(object)proxy;
        self._inner = inner;
        self._rounds = rounds;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        object? result;
        try
        {
            result = targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        var returnType = targetMethod.ReturnType;
        if (!returnType.IsGenericType || returnType.GetGenericTypeDefinition() != typeof(Task<>))
        {
            return result;
        }

        var key = ClusterArn().Replace($"{typeof(T).Name}.{targetMethod.Name}({string.Join(",", (args ?? []).Where(a => a is not CancellationToken).Select(a => JsonSerializer.Serialize(a)))})", string.Empty);
        return HoldMethod.MakeGenericMethod(returnType.GetGenericArguments()[0]).Invoke(_rounds, [key, result]);
    }
}
