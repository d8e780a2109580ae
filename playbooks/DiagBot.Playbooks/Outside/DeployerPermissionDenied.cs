namespace DiagBot.Playbooks.Outside;

/// <summary>
/// The principal that deploys or launches (a pipeline, a Lambda, a Step Function) was denied iam:PassRole or an ECS
/// control-plane action: no task ran. Wordings: the ECS IAM troubleshooting page
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security_iam_troubleshoot.html), aws/serverless-application-model#2247,
/// ministryofjustice/modernisation-platform#8443, serverless-step-functions#189, aws/amazon-ecs-agent#1209, aws/aws-cdk#23297;
/// a deploy tool's own step refused (aws/copilot-cli#5640 "create change set ... ValidationError: S3 error: Access Denied",
/// aws/copilot-cli#5762 "upload deploy resources for service ...: AccessDenied"); the CDK's bootstrap and change set refused.
/// </summary>
internal static class DeployerPermissionDenied
{
    public static OutsideCause Cause { get; } = new(
        "deployer-permission-denied",
        "The principal that deploys or launches the task (a pipeline, a Lambda, a Step Function) was denied iam:PassRole or an ECS action. No task ran: the task's own roles are not at fault.",
        [
            "Grant the deploying principal iam:PassRole on the task role and the task execution role, limited with the condition iam:PassedToService = ecs-tasks.amazonaws.com.",
            "Grant it the ECS actions it calls (ecs:RunTask, ecs:RegisterTaskDefinition, ecs:UpdateService) on the cluster and task definition family.",
        ],
        context => "aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=RunTask --max-results 5 --query 'Events[].CloudTrailEvent'",
        [
            Phrase.Of("iam:PassRole denied", @"not authorized to perform:? iam:passrole|the iam:passrole action|iam:passrole permission"),
            Phrase.Of("a launch or deploy action denied", @"not authorized to perform:? ecs:(runtask|starttask|registertaskdefinition|createservice|updateservice)\b"),
            Phrase.Of("denied while calling a launch API", @"\(accessdenied\w*\) when calling the (runtask|starttask|registertaskdefinition|createservice|updateservice) operation|failed to register task definition"),
            Phrase.Of("a deploy-time write or lookup denied", @"error creating ssm parameter|not authorized to perform:? ssm:putparameter|\[validationerror\]: accessdenied"),
            Phrase.Of("a deploy tool's step denied", @"create change set .{0,120}access ?denied|upload deploy resources .{0,400}access ?denied"),
            // Tags are written when a resource is created (aws-solutions-library-samples/data-transfer-hub#141, "not authorized to perform:
            // dynamodb:TagResource"): the creating principal's denial. The VPC CNI's own "failed to call ec2:CreateTags" is not this wording.
            Phrase.Of("tagging a new resource denied", @"not authorized to perform:? [a-z0-9-]+:(tagresource|addtags|createtags)\b"),
            // Sweep: the CDK's own deploy steps refused (aws/aws-cdk#15593 "Access Denied in response to CreateChangeSet", #31845 "not
            // authorized to perform: cloudformation:DescribeStacks on resource: ...stack/CDKToolkit", aws-samples/aws-bootstrap-kit-examples#34
            // "parameter/cdk-bootstrap/hnb659fds/version", amazon-textract-serverless-large-scale-document-processing#3 "failed bootstrapping").
            Phrase.Of("a CDK or CloudFormation deploy step denied", @"not authorized to perform:? cloudformation:\w+|in response to createchangeset"
                + @"|\bfail(ed|s|ing)? bootstrapping\b|/cdk-bootstrap/[^ ]{1,40}/version|\bcdktoolkit\b.{0,200}\baccess ?denied"),
        ],
        0.93,
        "the denied action is a deploy's, never the app's")
    {
        ExplainsAway = new HashSet<int> { FailureModes.AppAccessDenied.Number, FailureModes.SecretsPullFailed.Number },
    };
}
