namespace DiagBot.Playbooks;

/// <summary>
/// Exit codes with one meaning everywhere. A process ended by signal N reports 128 + N (the shell convention Docker,
/// ECS and the kubelet pass on: https://www.gnu.org/software/bash/manual/html_node/Exit-Status.html), so 137 is SIGKILL
/// (9) whoever sent it, the kernel's OOM killer or an agent after the stop timeout, and 143 is SIGTERM (15).
/// </summary>
internal static class ExitCodes
{
    public const int SigKill = 137;

    public const int SigTerm = 143;
}
