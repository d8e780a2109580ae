using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>The pod's branch interface as the VPC resource controller names it in vpc.amazonaws.com/pod-eni.</summary>
public sealed class PodBranchInterfaceTests
{
    [Fact]
    public void IdOf_AnnotationAsTheControllerWritesIt_IsTheBranchInterfaceId()
    {
        // The shape `kubectl describe pod` shows in the EKS Workshop's security groups per pod chapter (the controller's ENIDetails).
        var pod = Pod("[{\"eniId\":\"eni-0d8a3a3a7f2eb57ab\",\"ifAddress\":\"06:20:0d:3c:5f:bc\",\"privateIp\":\"192.168.47.64\","
            + "\"vlanId\":1,\"subnetCidr\":\"192.168.32.0/19\"}]");

        Assert.True(PodBranchInterface.Has(pod));
        Assert.Equal("eni-0d8a3a3a7f2eb57ab", PodBranchInterface.IdOf(pod));
    }

    [Theory]
    [InlineData("""{"eniId":"eni-0d8a3a3a7f2eb57ab"}""")]
    [InlineData("""[{"eniId":42}]""")]
    [InlineData("""[{"eniId":"sg-0d8a3a3a7f2eb57ab"}]""")]
    [InlineData("[{\"eniId\":")]
    [InlineData("")]
    public void IdOf_AnnotationThatNamesNoBranchInterface_IsNullSoThePodIpIsAsked(string annotation)
    {
        var pod = Pod(annotation);

        Assert.True(PodBranchInterface.Has(pod));
        Assert.Null(PodBranchInterface.IdOf(pod));
    }

    [Fact]
    public void Has_PodWithoutTheAnnotation_IsFalse() =>
        Assert.False(PodBranchInterface.Has(new KubePod { Namespace = "payments", Name = "ledger-api-0" }));

    private static KubePod Pod(string annotation) => new()
    {
        Namespace = "payments",
        Name = "ledger-api-0",
        Annotations = new Dictionary<string, string> { [PodBranchInterface.Annotation] = annotation },
    };
}
