using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 7: exit code 137. OOM wording decides it is memory, whatever the exit code (an OutOfMemoryError can
/// come with exit 0). A bare 137 still belongs here, at low confidence, because the playbook's job is to tell
/// memory from a SIGKILL after the stop timeout and say so.
/// </summary>
internal static partial class TaskOutOfMemorySignals
{
    private const int Playbook = TaskOutOfMemory.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the container's reason with its exit code (aws ecs describe-tasks --query 'tasks[0].containers[].[reason,exitCode]'), or the pod's lastState.terminated.reason";

    private static readonly Phrase[] OomWords =
    [
        // Batch 12, ubarsc/rios#149: "an out-of-memory error will kill the containers"
        Phrase.Of("out of memory", @"outofmemory|out[- ]of[- ]memory"),
        // Batch 13 by family: the plural and the verb ("crashloops with OOMs", "OOMed")
        Phrase.Of("OOM killed", @"\boom-?kill|oomkilled|\boom(s|ed|ing)?\b"),
        Phrase.Of("killed for memory", @"killed due to memory|memory limit too low"),
        Phrase.Of("the heap or an allocation failed", @"java heap space|cannot allocate memory"),
        // Batch 13, the kernel's cgroup accounting printed with an OOM kill: "memory: usage 1048576kB, limit 1048576kB, failcnt ..."
        // Batch 18, bluek8s/kubedirector#356: the kernel names the cgroup limit it killed for, "Task in /kubepods/... killed as a result of limit of ..."
        Phrase.Of("killed at the cgroup's limit", @"killed as a result of limit of"),
        Phrase.Of("the memory cgroup ran out", @"memory cgroup out of memory|\bmemory: usage\b.{0,40}\blimit\b.{0,40}\bfailcnt\b"),
    ];

    // Sweep (chat-a), how engineers tell an OOM kill without the word: bitnami/charts#30302 ("it is killed still on 310Mi"),
    // deployu.ai's ECS scenario ("tasks constantly restarting ... memory spikes to 100%"). A size or a full memory beside the
    // kill or the restarts; an engineer's words, so below the kernel's.
    private static readonly SignalRule MemoryCeilingInWords = SignalRule.AnyOf(Playbook, 0.7,
        "the container is killed at a memory size, or its memory fills up as it restarts, in an engineer's words",
        Phrase.Of("killed at a memory size", @"\bkill(ed|s)\b.{0,30}\b\d+ ?(mi|mib|mb|gi|gib|gb)\b"),
        Phrase.Of("memory fills up while it restarts", @"\brestart\w*\b.{0,60}\bmemory\b.{0,30}\b(spikes?|hits?|reach\w*|climbs?) (to )?100 ?%"
            + @"|\bmemory\b.{0,30}\b(spikes?|hits?|reach\w*|climbs?) (to )?100 ?%.{0,60}\brestart\w*"),
        // Batch 20's tuning part: the kernel's OOM kill as the shell prints it, one word in quotes (wellcomecollection/platform#366 "the
        // single word “Killed” in the CloudWatch logs"; sidekiq/sidekiq#672 "eventually I see "Killed" in the log").
        Phrase.Of("the one word Killed in the log", @"[""“]killed[""”] in the (cloudwatch )?logs?\b|\bthe (single )?word [""“]?killed\b"),
        // Batch 20's tuning part: the kill the app never saw (sidekiq/sidekiq#5713 "the pod ... got killed without any exception"), restarts
        // told beside memory (widdix/mastodon-on-aws#31 "crashes and restarts (as shown by this memory utilization graph)"), and too
        // little memory given (celery/billiard#302 "the container had to less memory, so I needed to increase the resources").
        Phrase.Of("killed with no error of its own", @"\b(got|gets|was|were|is|are) killed\b.{0,20}\b(without|with no) (any )?"
            + @"(exceptions?|errors?|stack ?traces?)\b"),
        Phrase.Of("crashes and restarts, memory beside", @"\bcrash(es|ed)? and restart\w*\b.{0,60}\bmemory\b"),
        Phrase.Of("too little memory given", @"\b(container|task|pod|process|worker|app)s?\b.{0,20}\b(had|has|have|got|was given) "
            + @"(too? (little|less|few)|not enough) (memory|ram)\b")) with
    {
        // The restarts beside a full memory are its kills, as for the kernel's words: not a crash loop of the app's own.
        ExplainsAway = new HashSet<int> { CrashLoop.Number },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        // kernel and runtime words; a loop of OOM kills is memory, so it explains the crash loop away (batch 13: "crashloops with OOMs")
        SignalRule.AnyOf(Playbook, 0.95, "the container was killed for exceeding its memory limit (OOM)", OomWords) with
        {
            ExplainsAway = new HashSet<int> { CrashLoop.Number },
        },
        new(Playbook, 0.7, Exit137Words(), "exit code 137 named: SIGKILL, memory or the stop timeout; playbook 7 tells which"), // 137 named
        // bare exit code
        new(Playbook, 0.45, null, "exit code 137 without OOM wording: a SIGKILL, often the agent's kill after the stop timeout rather than memory; playbook 7 checks memory limits and says which")
        {
            WhenExitCode = code => code == ExitCodes.SigKill,
        },
        new(Playbook, 0.7, Error137OrLimitHit(), "exit 137 named as an error, or the memory limit hit"), // 137 named; playbook 7 tells memory from the stop timeout
        MemoryCeilingInWords,
    ];

    [GeneratedRegex(@"(exit|exited|exit code|code|status)\W{0,3}137\b|\b137\W{0,3}(exit|code|error)", RegexOptions.CultureInvariant)]
    private static partial Regex Exit137Words();

    // microservices-demo/microservices-demo#146: "memory limit set to 256. This is not enough and I have seen several components being killed"
    [GeneratedRegex(@"\berror 137\b|docker container: 137|memory limit (is )?(reached|exceeded|hit)"
        + @"|memory\b.{0,60}\b(not enough|too low|too small)\b.{0,60}\bkill(ed|s)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Error137OrLimitHit();
}
