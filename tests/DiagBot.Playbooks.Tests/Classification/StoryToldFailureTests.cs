using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>
/// Batch 20's tuning part: crash loops, memory kills and pods left pending told as a story, without CrashLoopBackOff,
/// OOMKilled or the scheduler's words. Each was
/// answered "none" when the batch was scored blind (tests/corpus/triage-pending.jsonl holds them with their sources).
/// </summary>
public sealed class StoryToldFailureTests
{
    [Theory]
    [InlineData("I looked over the logs and noted that the containers are starting but are rapidly exiting and thus transitions from RUNNING to STOPPED.",
        CrashLoop.Number)]
    [InlineData("Same here, my docker image gets to running migrations and then appears to restart itself ad-infinitum.", CrashLoop.Number)]
    [InlineData("pods are geting crashed again and again right after starting without any reasonable error logs.", CrashLoop.Number)]
    [InlineData("We keep seeing the transformer stop with the single word “Killed” in the CloudWatch logs.", TaskOutOfMemory.Number)]
    [InlineData("The new pods couldn't be scheduled on the existing nodes, so Karpenter scaled up additional nodes.", EksPodsPending.Number)]
    [InlineData("개발 환경에서 갑자기 여러 파드가 Pending 상태에 빠졌다.", EksPodsPending.Number)]
    public void Classify_AFailureToldAsAStory_IsItsPlaybook(string sentence, int playbook)
    {
        Assert.Equal(playbook, new SymptomClassifier().Classify(sentence, EvidenceField.SymptomText, null).Playbook);
    }

    [Fact]
    public void Classify_MemoryFillingWhileTheTasksKeepRestarting_IsMemoryNotACrashLoop()
    {
        // The training corpus's deployu.ai line: the restarts beside a full memory are its kills.
        var result = new SymptomClassifier().Classify(
            "Your ECS service is unstable: tasks constantly restarting, container insights memory spikes to 100%", EvidenceField.SymptomText, null);

        Assert.Equal(TaskOutOfMemory.Number, result.Playbook);
    }
}
